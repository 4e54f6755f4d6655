#include "LibraryPanel.h"

#include "BrowserTable.h"
#include "LibrarySession.h"
#include "models/LibraryFilterProxy.h"
#include "models/LibraryTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace lm::ui {

LibraryPanel::LibraryPanel(QWidget* parent) : QWidget(parent)
{
    model_ = new LibraryTableModel(this);
    proxy_ = new LibraryFilterProxy(this);
    proxy_->setLibraryModel(model_);
    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter by file name (Ctrl+F)"));
    filter_->setClearButtonEnabled(true);
    usableOnly_ = new QCheckBox(tr("Usable only"), this);
    usableOnly_->setToolTip(tr("Only files that give loops: a MIDI file with drums and a bass, or an audio file that could be read"));
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("kindFilter"));
    kind_->setToolTip(tr("Show MIDI files, audio files or both"));
    kind_->addItem(tr("MIDI and audio"), QString());
    kind_->addItem(tr("MIDI"), QStringLiteral("midi"));
    kind_->addItem(tr("Audio"), QStringLiteral("audio"));
    // Best loop score at most this; the lowest value reads "any" (no bound).
    maxScore_ = new QDoubleSpinBox(this);
    maxScore_->setObjectName(QStringLiteral("maxScore"));
    maxScore_->setDecimals(4);
    maxScore_->setRange(-0.0001, 10);
    maxScore_->setSingleStep(0.001);
    maxScore_->setSpecialValueText(tr("any"));
    maxScore_->setValue(maxScore_->minimum());
    maxScore_->setToolTip(tr("Only files whose best loop score is at most this (lower is more loop-like)"));
    table_ = new QTableView(this);
    table_->setModel(proxy_);
    setUpBrowserTable(table_, LibraryTableModel::Path, LibraryTableModel::Path, Qt::AscendingOrder);
    table_->setColumnWidth(LibraryTableModel::Kind, 48);

    auto* top = new QHBoxLayout;
    top->addWidget(usableOnly_);
    top->addWidget(kind_);
    top->addWidget(new QLabel(tr("Score ≤"), this));
    top->addWidget(maxScore_);
    layOutBrowserPanel(this, filter_, top, table_);

    connect(filter_, &QLineEdit::textChanged, proxy_, &LibraryFilterProxy::setText);
    connect(usableOnly_, &QCheckBox::toggled, proxy_, &LibraryFilterProxy::setUsableOnly);
    connect(kind_, &QComboBox::currentIndexChanged, this,
            [this](int i) { proxy_->setKind(kind_->itemData(i).toString()); });
    connect(maxScore_, &QDoubleSpinBox::valueChanged, this, &LibraryPanel::applyScoreRange);
    // Selection, not the current index: a table that gets the focus with no
    // current row makes its first row current without selecting it, and that
    // must not replace the piece on show.
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this](const QItemSelection& selected) {
        if (!selected.indexes().isEmpty())
            Q_EMIT fileActivated(selected.indexes().first().data(LibraryTableModel::FullPathRole).toString());
    });
}

void LibraryPanel::applyScoreRange()
{
    const double v = maxScore_->value();
    proxy_->setBestScoreRange(std::nullopt, v <= maxScore_->minimum() ? std::nullopt : std::optional<double>(v));
}

void LibraryPanel::setLibrary(LibraryReader* db) { model_->setLibrary(db); }

void LibraryPanel::setSession(LibrarySession* session)
{
    connect(session, &LibrarySession::opened, this, [this, session] { setLibrary(session->db()); });
    connect(session, &LibrarySession::contentChanged, this, &LibraryPanel::reload);
    connect(session, &LibrarySession::scoresChanged, this, &LibraryPanel::reload);
}
void LibraryPanel::reload() { model_->reload(); }
void LibraryPanel::focusFilter()
{
    filter_->setFocus();
    filter_->selectAll();
}

void LibraryPanel::selectRow(int proxyRow)
{
    while (proxy_->rowCount() <= proxyRow && model_->canFetchMore({}))
        model_->fetchMore({});
    const QModelIndex idx = proxy_->index(proxyRow, 0);
    if (idx.isValid())
        table_->setCurrentIndex(idx);
}

} // namespace lm::ui

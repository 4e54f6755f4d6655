#include "LoopsPanel.h"

#include "BrowserTable.h"
#include "LibrarySession.h"
#include "LoopListExport.h"
#include "models/LoopsTableModel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>

#include "core/library/LibraryReader.h"
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace lm::ui {

LoopsPanel::LoopsPanel(QWidget* parent) : QWidget(parent)
{
    model_ = new LoopsTableModel(this);
    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter loops by file name (Ctrl+F)"));
    filter_->setClearButtonEnabled(true);
    auto spin = [this](double value) {
        auto* s = new QDoubleSpinBox(this);
        s->setRange(0, 16);
        s->setSingleStep(0.5);
        s->setValue(value);
        return s;
    };
    minDensity_ = spin(0);
    maxDensity_ = spin(16);
    loopsOnly_ = new QCheckBox(tr("Under threshold"), this);
    loopsOnly_->setObjectName(QStringLiteral("loopsOnly"));
    loopsOnly_->setToolTip(tr("Only windows the detector scored under its loop threshold"));
    table_ = new QTableView(this);
    table_->setModel(model_);
    setUpBrowserTable(table_, LoopsTableModel::File, LoopsTableModel::Score, Qt::AscendingOrder); // best loops first
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection); // a selection to export or drag out
    export_ = new LoopListExport(table_, LoopsTableModel::LoopIdRole, this);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Density"), this));
    top->addWidget(minDensity_);
    top->addWidget(new QLabel(QStringLiteral("–"), this));
    top->addWidget(maxDensity_);
    top->addWidget(loopsOnly_);
    layOutBrowserPanel(this, filter_, top, table_);

    connect(filter_, &QLineEdit::textChanged, this, &LoopsPanel::applyFilters);
    connect(minDensity_, &QDoubleSpinBox::valueChanged, this, &LoopsPanel::applyFilters);
    connect(maxDensity_, &QDoubleSpinBox::valueChanged, this, &LoopsPanel::applyFilters);
    connect(loopsOnly_, &QCheckBox::toggled, this, &LoopsPanel::applyFilters);
    // Selection, not the current index (see LibraryPanel).
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this](const QItemSelection& selected) {
        if (selected.indexes().isEmpty())
            return;
        const QModelIndex i = selected.indexes().first();
        Q_EMIT loopChosen(i.data(LoopsTableModel::FullPathRole).toString(), i.data(LoopsTableModel::StartBarRole).toInt());
    });
}

void LoopsPanel::setLibrary(LibraryReader* db)
{
    db_ = db;
    model_->setLibrary(db);
}
void LoopsPanel::reload() { model_->reload(); }

void LoopsPanel::setSession(LibrarySession* session)
{
    export_->setSession(session);
    connect(session, &LibrarySession::opened, this, [this, session] { setLibrary(session->db()); });
    connect(session, &LibrarySession::contentChanged, this, &LoopsPanel::reload);
    connect(session, &LibrarySession::scoresChanged, this, &LoopsPanel::reload);
}
void LoopsPanel::focusFilter()
{
    filter_->setFocus();
    filter_->selectAll();
}

void LoopsPanel::applyFilters()
{
    LoopQuery q = model_->query();
    q.text = filter_->text().toStdString();
    q.minDensity = minDensity_->value();
    q.maxDensity = maxDensity_->value();
    // With no threshold yet (nothing scored) the filter keeps nothing, which is the truth.
    std::optional<double> threshold = db_ ? db_->loopThreshold() : std::nullopt;
    q.maxScore = loopsOnly_->isChecked() ? std::optional<double>(threshold.value_or(-1.0)) : std::nullopt;
    model_->setQuery(q);
}

} // namespace lm::ui

#include "LoopsPanel.h"

#include "BrowserTable.h"
#include "LibrarySession.h"
#include "LoopFilters.h"
#include "LoopListExport.h"
#include "LoopMarkActions.h"
#include "models/LoopsTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>

#include "core/library/LibraryReader.h"
#include "core/library/LoopMarks.h"
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
    minDensity_->setToolTip(tr("Only loops with at least this note density (steps of a bar with a note, 0 to 16)"));
    maxDensity_->setToolTip(tr("Only loops with at most this note density (steps of a bar with a note, 0 to 16)"));
    loopsOnly_ = new QCheckBox(tr("Under threshold"), this);
    loopsOnly_->setObjectName(QStringLiteral("loopsOnly"));
    loopsOnly_->setToolTip(tr("Only windows the detector scored under its loop threshold"));
    source_ = new QComboBox(this);
    source_->setObjectName(QStringLiteral("loopSource"));
    source_->setToolTip(tr("Mined loops, generated loops kept in the library, or those of one model"));
    fillSources();
    period_ = new QComboBox(this);
    period_->setObjectName(QStringLiteral("loopPeriod"));
    period_->setToolTip(tr("Loops that repeat every 1, 2, 4 or 8 bars, or that have no such period (mined loops)"));
    period_->addItem(tr("Any period"), -1);
    for (int p : {1, 2, 4, 8})
        period_->addItem((p == 1 ? tr("Period 1 bar") : tr("Period %1 bars").arg(p)), p);
    period_->addItem(tr("No period"), 0);
    // Its whole text (it was elided to "Any peric"); the text filter beside it gives way.
    period_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    table_ = new QTableView(this);
    table_->setModel(model_);
    setUpBrowserTable(table_, LoopsTableModel::File, LoopsTableModel::Score, Qt::AscendingOrder); // best loops first
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection); // a selection to export or drag out
    // The period beside the bar, where a narrow panel still shows it (the model keeps it last).
    table_->horizontalHeader()->moveSection(LoopsTableModel::Period, LoopsTableModel::StartBar + 1);
    table_->setColumnWidth(LoopsTableModel::StartBar, 50);
    table_->setColumnWidth(LoopsTableModel::Period, 56);
    export_ = new LoopListExport(table_, LoopsTableModel::LoopIdRole, this);
    // The star first, as in a DAW's browser; the tags last, where they can stretch.
    table_->horizontalHeader()->moveSection(LoopsTableModel::Starred, 0);
    table_->setColumnWidth(LoopsTableModel::Starred, 28);
    marking_ = new LoopMarkActions(table_, model_, this);
    browse_ = new LoopFilters(this);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Density"), this));
    top->addWidget(minDensity_);
    top->addWidget(new QLabel(QStringLiteral("–"), this));
    top->addWidget(maxDensity_);
    top->addWidget(loopsOnly_);
    top->addWidget(source_);
    only_ = new QPushButton(this);
    only_->setObjectName(QStringLiteral("onlyLoops"));
    only_->setToolTip(tr("The loops chosen on the library map; click to show all again"));
    only_->hide();
    connect(only_, &QPushButton::clicked, this, [this] { setOnlyLoops(std::nullopt); });
    top->addWidget(only_);
    layOutBrowserPanel(this, filter_, top, table_);
    // The period filter beside the text filter, which can give it room: the row of
    // controls is what sets the panel's minimum width. The browser's filters on a row of their own.
    if (auto* column = qobject_cast<QVBoxLayout*>(layout())) {
        column->removeWidget(filter_);
        auto* filterRow = new QHBoxLayout;
        filterRow->addWidget(filter_, 1);
        filterRow->addWidget(period_);
        column->insertLayout(0, filterRow);
        column->insertWidget(2, browse_);
    }

    connect(filter_, &QLineEdit::textChanged, this, &LoopsPanel::applyFilters);
    connect(minDensity_, &QDoubleSpinBox::valueChanged, this, &LoopsPanel::applyFilters);
    connect(maxDensity_, &QDoubleSpinBox::valueChanged, this, &LoopsPanel::applyFilters);
    connect(loopsOnly_, &QCheckBox::toggled, this, &LoopsPanel::applyFilters);
    connect(source_, &QComboBox::currentIndexChanged, this, &LoopsPanel::applyFilters);
    connect(period_, &QComboBox::currentIndexChanged, this, &LoopsPanel::applyFilters);
    connect(browse_, &LoopFilters::changed, this, &LoopsPanel::applyFilters);
    connect(model_, &LoopsTableModel::marksChanged, this, &LoopsPanel::fillTags);
    // Selection, not the current index (see LibraryPanel).
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this](const QItemSelection& selected) {
        if (selected.indexes().isEmpty() || reselecting_)
            return;
        const QModelIndex i = selected.indexes().first();
        const auto id = LoopId::parse(i.data(LoopsTableModel::LoopIdRole).toString().toStdString());
        if (!id || id->source == LoopId::Source::Mined)
            Q_EMIT loopChosen(i.data(LoopsTableModel::FullPathRole).toString(), i.data(LoopsTableModel::StartBarRole).toInt());
        if (id)
            Q_EMIT loopIdChosen(*id);
    });
}

void LoopsPanel::setLibrary(LibraryReader* db, LoopMarks* marks)
{
    db_ = db;
    marks_ = marks;
    model_->setMarks(marks);
    model_->setLibrary(db);
    fillSources();
    fillTags();
}
void LoopsPanel::reload()
{
    // The loop chosen stays chosen across the reload (an import or a scoring
    // elsewhere), without being chosen again: the piece view already shows it.
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const auto chosen = LoopId::parse(current.data(LoopsTableModel::LoopIdRole).toString().toStdString());
    fillSources();
    fillTags();
    model_->reload();
    const int row = chosen ? model_->rowOf(*chosen) : -1;
    if (row >= 0) {
        reselecting_ = true;
        table_->selectionModel()->setCurrentIndex(model_->index(row, current.column()),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        table_->scrollTo(model_->index(row, current.column()));
        reselecting_ = false;
    }
}

void LoopsPanel::fillTags()
{
    const QString before = browse_->tag();
    {
        const QSignalBlocker block(browse_);
        browse_->setTags(marks_ ? marks_->allTags() : std::vector<std::string>{}, db_ != nullptr);
    }
    if (browse_->tag() != before)
        applyFilters(); // the tag chosen is on no loop any more, or a restored one is back
}

void LoopsPanel::fillSources()
{
    const QString current = wantedSource_.isEmpty() ? source_->currentData().toString() : wantedSource_;
    const QSignalBlocker block(source_);
    source_->clear();
    source_->addItem(tr("All sources"), QStringLiteral("all"));
    source_->addItem(tr("Mined"), QStringLiteral("mined"));
    source_->addItem(tr("Generated"), QStringLiteral("generated"));
    for (const std::string& m : db_ ? db_->generatedModels() : std::vector<std::string>{})
        source_->addItem(tr("Generated by %1").arg(QString::fromStdString(m)), QStringLiteral("model:") + QString::fromStdString(m));
    source_->setCurrentIndex(std::max(0, source_->findData(current)));
    if (db_ || source_->currentData().toString() == wantedSource_)
        wantedSource_.clear(); // chosen, or the open library has no such model
    if (!current.isEmpty() && source_->currentData().toString() != current)
        applyFilters(); // the model chosen has no kept loop any more
}

void LoopsPanel::setSession(LibrarySession* session)
{
    export_->setSession(session);
    connect(session, &LibrarySession::opened, this, [this, session] { setLibrary(session->db(), session->db()); });
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
    const QString source = source_->currentData().toString();
    q.source = source == QLatin1String("mined") ? LoopQuery::Source::Mined
        : source == QLatin1String("all")        ? LoopQuery::Source::All
                                                : LoopQuery::Source::Generated;
    q.model = source.startsWith(QLatin1String("model:")) ? source.mid(6).toStdString() : std::string();
    const int period = period_->currentData().toInt();
    q.period = period >= 0 ? std::optional<int>(period) : std::nullopt;
    browse_->applyTo(q);
    model_->setQuery(q);
}

void LoopsPanel::setOnlyLoops(std::optional<std::vector<LoopId>> ids)
{
    only_->setVisible(ids.has_value());
    if (ids)
        only_->setText(tr("Map selection: %n loop(s) ✕", nullptr, int(ids->size())));
    LoopQuery q = model_->query();
    q.only = std::move(ids);
    model_->setQuery(q);
}

} // namespace lm::ui

// The loops panel's filters and sort order across restarts, and selecting a
// loop by its id (a remembered selection, BrowseMemory.h).
#include "LoopsPanel.h"

#include "LoopFilters.h"
#include "models/LoopsTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>

namespace lm::ui {

void LoopsPanel::saveState() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("loops"));
    s.setValue(QStringLiteral("text"), filter_->text());
    s.setValue(QStringLiteral("minDensity"), minDensity_->value());
    s.setValue(QStringLiteral("maxDensity"), maxDensity_->value());
    s.setValue(QStringLiteral("underThreshold"), loopsOnly_->isChecked());
    s.setValue(QStringLiteral("source"), wantedSource_.isEmpty() ? source_->currentData().toString() : wantedSource_);
    s.setValue(QStringLiteral("period"), period_->currentData().toInt());
    s.setValue(QStringLiteral("starredOnly"), browse_->starredOnly()->isChecked());
    s.setValue(QStringLiteral("tag"), browse_->wantedTag());
    s.setValue(QStringLiteral("minTempo"), browse_->minTempo()->value());
    s.setValue(QStringLiteral("maxTempo"), browse_->maxTempo()->value());
    s.setValue(QStringLiteral("sortColumn"), table_->horizontalHeader()->sortIndicatorSection());
    s.setValue(QStringLiteral("sortOrder"), int(table_->horizontalHeader()->sortIndicatorOrder()));
}

void LoopsPanel::restoreState()
{
    QSettings s;
    s.beginGroup(QStringLiteral("loops"));
    if (!s.contains(QStringLiteral("sortColumn")))
        return; // never saved: the panel's defaults
    {
        // One query at the end, not one per control.
        const QSignalBlocker blocks[] = {QSignalBlocker(filter_), QSignalBlocker(minDensity_), QSignalBlocker(maxDensity_),
                                         QSignalBlocker(loopsOnly_), QSignalBlocker(period_), QSignalBlocker(browse_)};
        filter_->setText(s.value(QStringLiteral("text")).toString());
        minDensity_->setValue(s.value(QStringLiteral("minDensity"), minDensity_->value()).toDouble());
        maxDensity_->setValue(s.value(QStringLiteral("maxDensity"), maxDensity_->value()).toDouble());
        loopsOnly_->setChecked(s.value(QStringLiteral("underThreshold")).toBool());
        period_->setCurrentIndex(std::max(0, period_->findData(s.value(QStringLiteral("period"), -1).toInt())));
        browse_->starredOnly()->setChecked(s.value(QStringLiteral("starredOnly")).toBool());
        browse_->minTempo()->setValue(s.value(QStringLiteral("minTempo")).toInt());
        browse_->maxTempo()->setValue(s.value(QStringLiteral("maxTempo")).toInt());
        browse_->wantTag(s.value(QStringLiteral("tag")).toString());
        wantedSource_ = s.value(QStringLiteral("source")).toString();
    }
    fillSources(); // the source and the tag are chosen once their library is open
    fillTags();
    const int column = s.value(QStringLiteral("sortColumn")).toInt();
    if (column >= 0 && column < LoopsTableModel::ColumnCount)
        table_->horizontalHeader()->setSortIndicator(column, Qt::SortOrder(s.value(QStringLiteral("sortOrder")).toInt()));
    applyFilters();
}

bool LoopsPanel::selectLoop(const LoopId& id)
{
    int row = model_->rowOf(id);
    // Page by page (512 rows each); a remembered loop far down a huge library is not worth more.
    for (int pages = 0; row < 0 && pages < 64 && model_->canFetchMore({}); ++pages) {
        model_->fetchMore({});
        row = model_->rowOf(id);
    }
    if (row < 0)
        return false;
    // The star's column: the first one shown, so that the view does not scroll sideways.
    table_->selectionModel()->setCurrentIndex(model_->index(row, LoopsTableModel::Starred),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(model_->index(row, LoopsTableModel::Starred), QAbstractItemView::PositionAtCenter);
    return true;
}

} // namespace lm::ui

#pragma once
// The look and behaviour shared by the library and loops tables.
#include <Qt>

class QHBoxLayout;
class QLineEdit;
class QTableView;
class QWidget;

namespace lm::ui {

// Sorted by `sortColumn` in `order` from the start: a view's own default
// (descending by the first column) works against the user.
void setUpBrowserTable(QTableView* table, int fileColumn, int sortColumn, Qt::SortOrder order);

// A browser panel's layout: the filter on a row of its own (so that its hint is
// readable in a narrow panel), the panel's other controls under it, the table.
void layOutBrowserPanel(QWidget* panel, QLineEdit* filter, QHBoxLayout* controls, QTableView* table);

} // namespace lm::ui

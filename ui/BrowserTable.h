#pragma once
// The look and behaviour shared by the library and loops tables.
#include <Qt>

class QTableView;

namespace lm::ui {

// Sorted by `sortColumn` in `order` from the start: a view's own default
// (descending by the first column) works against the user.
void setUpBrowserTable(QTableView* table, int fileColumn, int sortColumn, Qt::SortOrder order);

} // namespace lm::ui

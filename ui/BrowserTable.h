#pragma once
// The look and behaviour shared by the library and loops tables.
class QTableView;

namespace lm::ui {

void setUpBrowserTable(QTableView* table, int fileColumn);

} // namespace lm::ui

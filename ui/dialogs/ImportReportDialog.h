#pragma once
// After an import: the summary, and every skipped file with its reason in a
// sortable table that can be copied.
#include "core/library/LibraryImport.h"

#include <QDialog>

class QTableWidget;

namespace lm::ui {

class ImportReportDialog : public QDialog {
    Q_OBJECT
public:
    ImportReportDialog(const ImportSummary& summary, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }
    QString reportText() const; // tab-separated, as copied to the clipboard

private:
    QTableWidget* table_;
};

} // namespace lm::ui

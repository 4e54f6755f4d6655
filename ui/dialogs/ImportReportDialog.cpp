#include "ImportReportDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lm::ui {

ImportReportDialog::ImportReportDialog(const ImportSummary& s, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Import report"));
    resize(820, 480);
    auto* label = new QLabel(tr("%L1 files seen: %L2 read, %L3 unchanged, %L4 usable, %L5 not usable, %L6 could not be read; "
                                "%L7 windows kept. %L8 s.%9")
                                 .arg(s.seen)
                                 .arg(s.read)
                                 .arg(s.unchanged)
                                 .arg(s.usable)
                                 .arg(s.unusable)
                                 .arg(s.failed)
                                 .arg(s.windowsKept)
                                 .arg(s.seconds, 0, 'f', 1)
                                 .arg(s.cancelled ? tr(" Cancelled: run the import again to finish it.") : QString()),
                             this);
    label->setWordWrap(true);
    table_ = new QTableWidget(int(s.skipped.size()), 2, this);
    table_->setHorizontalHeaderLabels({tr("File"), tr("Why it was skipped")});
    for (int i = 0; i < int(s.skipped.size()); ++i) {
        table_->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(s.skipped[size_t(i)].path)));
        table_->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(s.skipped[size_t(i)].reason)));
    }
    table_->setSortingEnabled(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->resizeColumnToContents(0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the list of skipped files and the reasons as text"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(reportText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    if (s.skipped.empty()) { // an empty table reads as a fault
        auto* none = new QLabel(tr("Nothing skipped: every file was imported."), this);
        none->setObjectName(QStringLiteral("nothingSkipped"));
        layout->addWidget(none, 1, Qt::AlignCenter);
        table_->hide();
        copy->setEnabled(false);
    } else {
        layout->addWidget(table_, 1);
    }
    layout->addWidget(buttons);
}

QString ImportReportDialog::reportText() const
{
    QString out;
    for (int r = 0; r < table_->rowCount(); ++r)
        out += table_->item(r, 0)->text() + '\t' + table_->item(r, 1)->text() + '\n';
    return out;
}

} // namespace lm::ui

#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace lm::ui {

namespace {

QString plain(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text.trimmed();
}

QString keysOf(const QList<QKeySequence>& keys)
{
    QStringList out;
    for (const QKeySequence& k : keys)
        out << k.toString(QKeySequence::NativeText);
    return out.join(QStringLiteral(", "));
}

QString menuOf(const QAction* a)
{
    for (QObject* o : a->associatedObjects())
        if (auto* m = qobject_cast<QMenu*>(o))
            return plain(m->title());
    return ShortcutsDialog::tr("Window");
}

} // namespace

std::vector<ShortcutsDialog::Row> ShortcutsDialog::windowShortcuts(const QWidget* window)
{
    std::vector<Row> rows;
    for (const QAction* a : window->findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty())
            continue;
        const QString text = !plain(a->text()).isEmpty() ? plain(a->text()) : a->toolTip();
        rows.push_back({keysOf(a->shortcuts()), text, menuOf(a)});
    }
    for (const QShortcut* s : window->findChildren<QShortcut*>())
        if (!s->key().isEmpty())
            rows.push_back({s->key().toString(QKeySequence::NativeText), s->whatsThis(), tr("Anywhere but a text field")});
    // In the menu bar's order, then the window's own shortcuts.
    QStringList menus;
    if (auto* main = qobject_cast<const QMainWindow*>(window))
        for (const QAction* m : main->menuBar()->actions())
            menus << plain(m->text());
    auto rank = [&menus](const Row& r) { return menus.contains(r.where) ? menus.indexOf(r.where) : int(menus.size()); };
    std::stable_sort(rows.begin(), rows.end(), [&rank](const Row& a, const Row& b) { return rank(a) < rank(b); });
    return rows;
}

std::vector<ShortcutsDialog::Row> ShortcutsDialog::viewKeys()
{
    // Keys that a view handles in its keyPressEvent: no action to read them from.
    return {{tr("Left, Right"), tr("Previous or next window"), tr("Window strip")},
            {tr("Home, End"), tr("First or last window"), tr("Window strip")},
            {tr("Up, Down"), tr("Previous or next loop or file (follows while playing)"), tr("Lists")},
            {tr("Left, Right, Home, End"), tr("Choose a step"), tr("Explore: interpolation strip")},
            {tr("Enter"), tr("Play the chosen step or similar loop"), tr("Explore")},
            {tr("Esc"), tr("Clear the lasso selection"), tr("Map")}};
}

ShortcutsDialog::ShortcutsDialog(QWidget* window) : QDialog(window), window_(window)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    table_ = new QTableWidget(0, 3, this);
    table_->setObjectName(QStringLiteral("shortcutsTable"));
    table_->setHorizontalHeaderLabels({tr("Keys"), tr("What it does"), tr("Where")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->setWordWrap(false);
    table_->setFocusPolicy(Qt::NoFocus); // Close keeps the focus: Escape and Enter close
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    refresh();
    resize(720, 470);
}

void ShortcutsDialog::refresh()
{
    std::vector<Row> rows = windowShortcuts(window_);
    const std::vector<Row> view = viewKeys();
    rows.insert(rows.end(), view.begin(), view.end());
    table_->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        table_->setItem(r, 0, new QTableWidgetItem(rows[size_t(r)].keys));
        table_->setItem(r, 1, new QTableWidgetItem(rows[size_t(r)].description));
        table_->setItem(r, 2, new QTableWidgetItem(rows[size_t(r)].where));
    }
    table_->resizeColumnToContents(0);
    table_->resizeColumnToContents(2);
}

} // namespace lm::ui

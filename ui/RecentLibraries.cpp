#include "RecentLibraries.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace lm::ui {

namespace {

const QString kKey = QStringLiteral("library/recent");

} // namespace

RecentLibraries::RecentLibraries(QMenu* fileMenu, std::function<void(const QString&)> open) : QObject(fileMenu)
{
    menu_ = new QMenu(tr("Recent &Libraries"), fileMenu);
    fileMenu->addMenu(menu_);
    connect(this, &RecentLibraries::openRequested, this, std::move(open));
    menu_->setObjectName(QStringLiteral("recentLibraries"));
    menu_->setToolTipsVisible(true); // a missing library's tooltip names its file
    // Made when shown: a library deleted since the last look is shown as missing.
    connect(menu_, &QMenu::aboutToShow, this, &RecentLibraries::rebuild);
    rebuild();
}

QStringList RecentLibraries::paths() { return QSettings().value(kKey).toStringList(); }

void RecentLibraries::add(const QString& path)
{
    const QString p = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList list = paths();
    list.removeAll(p);
    list.prepend(p);
    while (list.size() > kMax)
        list.removeLast();
    QSettings settings;
    settings.setValue(kKey, list);
    settings.setValue(QStringLiteral("library/path"), path);
    rebuild();
}

void RecentLibraries::clear()
{
    QSettings().remove(kKey);
    rebuild();
}

void RecentLibraries::rebuild()
{
    menu_->clear();
    const QStringList list = paths();
    for (int i = 0; i < list.size(); ++i) {
        const QString& p = list[i];
        const QString name = QFileInfo(p).fileName();
        // &1 ... &9, &0: the keys of the first ten.
        QAction* a = menu_->addAction(tr("&%1 %2").arg((i + 1) % 10).arg(name));
        a->setData(p);
        if (QFileInfo(p).isFile()) {
            a->setToolTip(p);
            a->setStatusTip(p);
            connect(a, &QAction::triggered, this, [this, p] { Q_EMIT openRequested(p); });
        } else {
            a->setText(tr("&%1 %2 (missing)").arg((i + 1) % 10).arg(name));
            a->setToolTip(tr("%1: no such file (moved or deleted)").arg(p));
            a->setStatusTip(a->toolTip());
            a->setEnabled(false);
        }
    }
    if (list.isEmpty())
        menu_->addAction(tr("No recent libraries"))->setEnabled(false);
    menu_->addSeparator();
    QAction* clearAll = menu_->addAction(tr("&Clear Recent"));
    clearAll->setObjectName(QStringLiteral("clearRecent"));
    clearAll->setEnabled(!list.isEmpty());
    connect(clearAll, &QAction::triggered, this, &RecentLibraries::clear);
}

} // namespace lm::ui

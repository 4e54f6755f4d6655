#include "GuideWindow.h"

#include <QFile>
#include <QLocale>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

// A static library's resources are not registered by themselves.
static void initHelpResources() { Q_INIT_RESOURCE(help); }

namespace lm::ui {

QString GuideWindow::guideText()
{
    initHelpResources();
    for (const QString& name : {QStringLiteral(":/help/guide_%1.md").arg(QLocale().name().section(QLatin1Char('_'), 0, 0)),
                                QStringLiteral(":/help/guide.md")}) {
        QFile f(name);
        if (f.open(QIODevice::ReadOnly))
            return QString::fromUtf8(f.readAll());
    }
    return tr("The user guide is missing from this build.");
}

GuideWindow::GuideWindow(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("loopminer User Guide"));
    browser_ = new QTextBrowser(this);
    browser_->setObjectName(QStringLiteral("guideBrowser"));
    browser_->setOpenExternalLinks(true);
    browser_->document()->setDocumentMargin(12);
    browser_->setMarkdown(guideText());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser_);
    resize(720, 680); // fits a 1280 x 800 screen beside its title bar and panel
}

} // namespace lm::ui

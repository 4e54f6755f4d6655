#include "LanguageMenu.h"

#include "Translations.h"

#include <QActionGroup>
#include <QMainWindow>
#include <QStatusBar>

namespace lm::ui {

LanguageMenu::LanguageMenu(QWidget* window) : QMenu(tr("&Language"), window)
{
    setObjectName(QStringLiteral("languageMenu"));
    group_ = new QActionGroup(this);
    const QString stored = storedLanguage();
    auto add = [this, &stored](const QString& code, const QString& text) {
        QAction* a = addAction(text);
        a->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == stored);
        group_->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { choose(code); });
    };
    add(QString(), tr("&System Language"));
    addSeparator();
    for (const QString& code : availableLanguages()) // each in its own language, found whatever the window speaks
        add(code, languageName(code));
}

void LanguageMenu::choose(const QString& code)
{
    if (code == storedLanguage())
        return;
    storeLanguage(code);
    const QString message = code.isEmpty() ? tr("The system's language is used from the next start of loopminer.")
                                           : tr("%1 is used from the next start of loopminer.").arg(languageName(code));
    if (auto* main = qobject_cast<QMainWindow*>(parentWidget()))
        main->statusBar()->showMessage(message, 10000);
    Q_EMIT languageChosen(code, message);
}

} // namespace lm::ui

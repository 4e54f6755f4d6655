#pragma once
// The Language menu: System, English, Deutsch. The choice is stored and
// applied at the next start (every widget builds its texts once, when it is
// made; retranslating them all live would need a LanguageChange handler in each).
#include <QMenu>

class QActionGroup;

namespace lm::ui {

class LanguageMenu : public QMenu {
    Q_OBJECT
public:
    // `window`'s status bar, if it has one, says when the choice takes effect.
    explicit LanguageMenu(QWidget* window);

Q_SIGNALS:
    // The stored choice changed to `code` ("" for the system's language); `message` says when it applies.
    void languageChosen(const QString& code, const QString& message);

private:
    void choose(const QString& code);
    QActionGroup* group_;
};

} // namespace lm::ui

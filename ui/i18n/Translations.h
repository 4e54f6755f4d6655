#pragma once
// Which language the window speaks, and loading it. The language is the one
// chosen in the Language menu (stored in QSettings), else the first of the
// system's UI languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) that loopminer
// has, else English, the language of the source. Numbers and dates follow
// QLocale(): the system's locale when it speaks the chosen language (so de_AT
// keeps its own formats), else the chosen language's usual locale.
#include <QString>
#include <QStringList>

namespace lm::ui {

// The languages the window can speak, by code: "en" (the source) first.
QStringList availableLanguages();
// A language's own name for itself ("Deutsch"), shown as is in every language.
QString languageName(const QString& code);

// The stored choice of the Language menu: "" for the system's language.
QString storedLanguage();
void storeLanguage(const QString& code);

// `stored` when it is a language we have; else the first of `systemLanguages`
// (BCP 47 names such as "de-DE", as QLocale::uiLanguages() gives them) that we
// have; else "en".
QString chooseLanguage(const QString& stored, const QStringList& systemLanguages);

struct LoadedLanguage {
    QString language;    // what the window now speaks
    QStringList problems; // translations that could not be loaded, each naming its file
};

// Installs loopminer's translation of `language` from `dir` (loopminer_<code>.qm)
// and Qt's own (qtbase_<code>.qm, for the standard dialogs) on the running
// application, replacing any installed before, and sets the default QLocale.
// Widgets made afterwards speak it. Without the file the window stays English.
LoadedLanguage installTranslations(const QString& language, const QString& dir);

// What main() does: the stored or system language, from the data tree's translations.
LoadedLanguage installStartLanguage();

} // namespace lm::ui

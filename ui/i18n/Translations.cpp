#include "Translations.h"

#include "core/base/DataPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace lm::ui {

namespace {

const QString kSettingKey = QStringLiteral("ui/language");
const QString kTranslatorName = QStringLiteral("lmTranslator");

QString baseLanguage(const QString& bcp47) { return bcp47.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower(); }

// The translators installed before are taken off and deleted: the last one
// installed is asked first, so a stale one would not do harm, but it would stay.
void removeInstalled()
{
    for (QTranslator* t : qApp->findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

// Loads `file` and installs it; the reason as text when it cannot.
QString install(const QString& file)
{
    auto* t = new QTranslator(qApp);
    t->setObjectName(kTranslatorName);
    if (!t->load(file)) {
        delete t;
        return QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(file),
                                            QFileInfo::exists(file) ? QStringLiteral("not a translation file") : QStringLiteral("no such file"));
    }
    QCoreApplication::installTranslator(t);
    return {};
}

// By name, from Qt's locale data, not QLocale::system() itself: with LANGUAGE=de
// and LANG=C.UTF-8 the system locale is named de_DE yet writes numbers as C does.
QLocale localeFor(const QString& language)
{
    const QLocale system = QLocale::system();
    const bool systemSpeaksIt = baseLanguage(system.name()) == language
        || (language == QLatin1String("en") && system.language() == QLocale::C);
    return QLocale(systemSpeaksIt ? system.name() : language);
}

} // namespace

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("de")}; }

QString languageName(const QString& code)
{
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    return QStringLiteral("English");
}

QString storedLanguage() { return QSettings().value(kSettingKey).toString(); }

void storeLanguage(const QString& code)
{
    if (code.isEmpty())
        QSettings().remove(kSettingKey);
    else
        QSettings().setValue(kSettingKey, code);
}

QString chooseLanguage(const QString& stored, const QStringList& systemLanguages)
{
    const QStringList have = availableLanguages();
    if (have.contains(stored))
        return stored;
    for (const QString& l : systemLanguages)
        if (have.contains(baseLanguage(l)))
            return baseLanguage(l);
    return QStringLiteral("en");
}

LoadedLanguage installTranslations(const QString& language, const QString& dir)
{
    removeInstalled();
    LoadedLanguage loaded{language, {}};
    QLocale::setDefault(localeFor(language));
    // English is the source; its file only gives the plural forms ("1 loop", "2 loops").
    if (QString e = install(QDir(dir).filePath(QStringLiteral("loopminer_%1.qm").arg(language))); !e.isEmpty()) {
        loaded.problems << e;
        if (language != QLatin1String("en"))
            loaded.language = QStringLiteral("en");
    }
    if (loaded.language != QLatin1String("en")) {
        const QString qt = QDir(QLibraryInfo::path(QLibraryInfo::TranslationsPath)).filePath(QStringLiteral("qtbase_%1.qm").arg(language));
        if (QString e = install(qt); !e.isEmpty())
            loaded.problems << e; // the standard dialogs stay English (Debian: qt6-translations-l10n)
    }
    if (loaded.language != language)
        QLocale::setDefault(localeFor(loaded.language)); // one language for words and numbers
    return loaded;
}

LoadedLanguage installStartLanguage()
{
    return installTranslations(chooseLanguage(storedLanguage(), QLocale::system().uiLanguages()),
                               QString::fromStdString(translationsDir()));
}

} // namespace lm::ui

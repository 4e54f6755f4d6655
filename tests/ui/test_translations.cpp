// The window in German and in English (issue 16, item 3): started as main()
// starts it, with a German system language, the menus, tabs and numbers are
// German; the Language menu's choice applies at the next start.
#include "ui/MainWindow.h"
#include "ui/i18n/LanguageMenu.h"
#include "ui/i18n/Translations.h"
#include "ui/views/ScoreFormat.h"

#include "core/base/DataPaths.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QDialogButtonBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QtTest>

using namespace lm;

namespace {

QStringList menuTitles(const QMainWindow& w)
{
    QStringList titles;
    for (QAction* a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}

// The & accelerators of `actions` that clash: each letter may open one item only.
QStringList clashingAccelerators(const QList<QAction*>& actions)
{
    QMap<QChar, QStringList> byKey;
    for (QAction* a : actions) {
        const QString text = a->text();
        const qsizetype at = text.indexOf(QLatin1Char('&'));
        if (at >= 0 && at + 1 < text.size() && text[at + 1] != QLatin1Char('&'))
            byKey[text[at + 1].toLower()] << text;
    }
    QStringList clashes;
    for (const QStringList& texts : byKey)
        if (texts.size() > 1)
            clashes << texts.join(QStringLiteral(" / "));
    return clashes;
}

QString tempoText(const QMainWindow& w) { return w.findChild<QAbstractSpinBox*>(QStringLiteral("tempoSpin"))->text(); }

// Clicks the Language menu's item `name` the way a user does: open the menu, click the item.
void chooseInMenu(QMainWindow& w, const QString& name)
{
    auto* menu = w.findChild<QMenu*>(QStringLiteral("languageMenu"));
    QVERIFY(menu);
    QAction* item = menu->findChild<QAction*>(name);
    QVERIFY(item);
    menu->popup(w.mapToGlobal(QPoint(10, 10)));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(item).center());
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's settings stay as they are
        ui::storeLanguage(QString());
    }

    void germanSystemStartsGerman()
    {
        // main() set LANGUAGE=de with LANG=C.UTF-8: no stored choice, so the system's language.
        QVERIFY2(QLocale::system().uiLanguages().join(',').startsWith(QLatin1String("de")),
                 qPrintable(QLocale::system().uiLanguages().join(',')));
        const ui::LoadedLanguage loaded = ui::installStartLanguage();
        QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.join('\n')));
        QCOMPARE(loaded.language, QStringLiteral("de"));

        ui::MainWindow w;
        const QStringList titles = menuTitles(w);
        for (const char* title : {"&Datei", "&Bearbeiten", "&Ansicht", "&Sprache"})
            QVERIFY2(titles.contains(QString::fromUtf8(title)), qPrintable(titles.join(' ')));
        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("panelTabs"));
        QCOMPARE(tabs->tabText(0), QStringLiteral("Bibliothek"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("Generieren"));
        QStringList clashes = clashingAccelerators(w.menuBar()->actions());
        for (QAction* title : w.menuBar()->actions())
            clashes += clashingAccelerators(title->menu()->actions());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join('\n')));
        // Numbers with a decimal comma: the transport's tempo and a loop score.
        QVERIFY2(tempoText(w).contains(QLatin1Char(',')), qPrintable(tempoText(w)));
        QCOMPARE(ui::formatScore(0.0112), QStringLiteral("0,0112"));
        // Qt's own strings (the standard dialogs) are German too: qtbase_de.qm.
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    }

    void languageMenuChoiceAppliesAtNextStart()
    {
        ui::installStartLanguage();
        {
            ui::MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QSignalSpy chosen(w.findChild<ui::LanguageMenu*>(), &ui::LanguageMenu::languageChosen);
            chooseInMenu(w, QStringLiteral("language_en"));
            QCOMPARE(chosen.count(), 1);
            QCOMPARE(ui::storedLanguage(), QStringLiteral("en"));
            QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
            // Said in the language the window speaks now; the window itself stays German until then.
            QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("nächsten Start")), qPrintable(w.statusBar()->currentMessage()));
            QVERIFY(menuTitles(w).contains(QStringLiteral("&Datei")));
        }
        // The next start: English although the system speaks German.
        const ui::LoadedLanguage loaded = ui::installStartLanguage();
        QCOMPARE(loaded.language, QStringLiteral("en"));
        ui::MainWindow w;
        const QStringList titles = menuTitles(w);
        for (const char* title : {"&File", "&Edit", "&View", "&Language"})
            QVERIFY2(titles.contains(QLatin1String(title)), qPrintable(titles.join(' ')));
        QCOMPARE(w.findChild<QTabWidget*>(QStringLiteral("panelTabs"))->tabText(0), QStringLiteral("Library"));
        QStringList clashes = clashingAccelerators(w.menuBar()->actions());
        for (QAction* title : w.menuBar()->actions())
            clashes += clashingAccelerators(title->menu()->actions());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join('\n')));
        QVERIFY2(tempoText(w).contains(QLatin1Char('.')), qPrintable(tempoText(w)));
        QCOMPARE(ui::formatScore(0.0112), QStringLiteral("0.0112"));
        // The English file gives the plural forms.
        QCOMPARE(QCoreApplication::translate("lm::ui::GeneratePanel", "Discarded %n loop(s)", nullptr, 1), QStringLiteral("Discarded 1 loop"));
        QCOMPARE(QCoreApplication::translate("lm::ui::GeneratePanel", "Discarded %n loop(s)", nullptr, 3), QStringLiteral("Discarded 3 loops"));

        // Back to the system's language.
        chooseInMenu(w, QStringLiteral("language_system"));
        QCOMPARE(ui::storedLanguage(), QString());
        QCOMPARE(ui::installStartLanguage().language, QStringLiteral("de"));
    }

    void chooseLanguage_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QStringList>("system");
        QTest::addColumn<QString>("expected");
        QTest::newRow("German system") << QString() << QStringList{"de-DE", "de"} << "de";
        QTest::newRow("Austrian system") << QString() << QStringList{"de-AT"} << "de";
        QTest::newRow("French, then German") << QString() << QStringList{"fr-FR", "de-CH"} << "de";
        QTest::newRow("French only: the source") << QString() << QStringList{"fr-FR", "fr"} << "en";
        QTest::newRow("English first") << QString() << QStringList{"en-GB", "de-DE"} << "en";
        QTest::newRow("stored beats system") << "en" << QStringList{"de-DE"} << "en";
        QTest::newRow("stored German") << "de" << QStringList{"en-US"} << "de";
        QTest::newRow("stored unknown: system") << "xx" << QStringList{"de-DE"} << "de";
    }
    void chooseLanguage()
    {
        QFETCH(QString, stored);
        QFETCH(QStringList, system);
        QFETCH(QString, expected);
        QCOMPARE(ui::chooseLanguage(stored, system), expected);
    }

    void missingTranslationStaysEnglish()
    {
        const ui::LoadedLanguage loaded = ui::installTranslations(QStringLiteral("de"), QStringLiteral("/nonexistent"));
        QCOMPARE(loaded.language, QStringLiteral("en"));
        QCOMPARE(loaded.problems.size(), 1);
        QVERIFY2(loaded.problems.front().contains(QLatin1String("/nonexistent/loopminer_de.qm")), qPrintable(loaded.problems.front()));
        ui::MainWindow w;
        QVERIFY(menuTitles(w).contains(QStringLiteral("&File")));
        QCOMPARE(ui::formatScore(0.0112), QStringLiteral("0.0112")); // words and numbers in one language
    }
};

int main(int argc, char** argv)
{
    // A German user's environment, read by QLocale::system() when the application starts.
    qputenv("LANGUAGE", "de_DE:de");
    qputenv("LANG", "C.UTF-8");
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("loopminer"));
    app.setOrganizationName(QStringLiteral("loopminer"));
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_translations.moc"

// Every control that is not obvious says what it does. The rule, for every
// widget of the main window (all tabs, the why dock, the transport, hidden ones
// too) and of the dialogs it opens:
// - every QComboBox, spin box (QAbstractSpinBox), QSlider, QCheckBox and
//   QRadioButton has a tool tip;
// - every other button (QPushButton, QToolButton) has one unless its text has
//   three words or more ("Find similar loops" says what it does; "Keep",
//   "Why?", "2 ×" do not);
// - Qt's own parts (a dialog's standard buttons, a table's corner button, a
//   line edit's clear button, tab bar, menu bar and dock title buttons) are
//   left out.
#include "GuiFixtures.h"

#include "ui/LibraryPanel.h"
#include "ui/dialogs/ExportDialog.h"
#include "ui/dialogs/TempoDialog.h"
#include "ui/help/AboutDialog.h"
#include "ui/help/ShortcutsDialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSlider>
#include <QTabBar>
#include <QTemporaryDir>

using lm::ui::MainWindow;

namespace {

bool qtInternal(const QWidget* w)
{
    static const QStringList internal{QStringLiteral("QTableCornerButton"), QStringLiteral("QLineEditIconButton"),
                                      QStringLiteral("QToolBarExtension"), QStringLiteral("QDockWidgetTitleButton"),
                                      QStringLiteral("QMenuBarExtension")};
    if (internal.contains(QString::fromLatin1(w->metaObject()->className())) || w->objectName().startsWith(QLatin1String("qt_")))
        return true; // e.g. the menu bar's extension button, qt_menubar_ext_button
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<const QDialogButtonBox*>(p) || qobject_cast<const QTabBar*>(p))
            return true;
    return false;
}

int words(QString text)
{
    text.remove(QLatin1Char('&'));
    return int(text.split(QRegularExpression(QStringLiteral("[^\\w]+")), Qt::SkipEmptyParts).size());
}

// "Class objectName 'text'" of each control under `root` that needs a tool tip and has none.
QStringList offenders(const QWidget* root)
{
    QStringList out;
    for (const QWidget* w : root->findChildren<QWidget*>()) {
        if (qtInternal(w) || !w->toolTip().isEmpty())
            continue;
        const auto* button = qobject_cast<const QAbstractButton*>(w);
        const bool always = qobject_cast<const QComboBox*>(w) || qobject_cast<const QAbstractSpinBox*>(w)
            || qobject_cast<const QSlider*>(w) || qobject_cast<const QCheckBox*>(w) || qobject_cast<const QRadioButton*>(w);
        if (always || (button && words(button->text()) < 3)) {
            QString parent;
            for (const QWidget* p = w->parentWidget(); p && parent.isEmpty(); p = p->parentWidget())
                if (!p->objectName().startsWith(QLatin1String("qt_")))
                    parent = p->objectName();
            out << QStringLiteral("%1 '%2' '%3' (in %4)")
                       .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                            button ? button->text() : QString(), parent);
        }
    }
    for (const QString& o : out) // QVERIFY2 cuts a long message: each one in full
        qWarning("no tool tip: %s", qPrintable(o));
    return out;
}

} // namespace

class TestTooltips : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void everyControlOfTheWindowSaysWhatItDoes()
    {
        const QString music = lm::test::setUpCollection(dir_.path(), 3, 5);
        MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(dir_.path() + "/lib.sqlite"));
        lm::test::importAndWait(w, music);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.libraryPanel()->selectRow(0); // the piece view with its buttons
        const QStringList bad = offenders(&w);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("%1 controls without a tool tip:\n  ").arg(bad.size()) + bad.join("\n  ")));
        // The walk does see the controls: the transport's and the tabs' are among them.
        QVERIFY(w.findChildren<QComboBox*>().size() >= 10);
        QVERIFY(w.findChildren<QAbstractSpinBox*>().size() >= 15);
    }

    void everyControlOfTheDialogsSaysWhatItDoes()
    {
        lm::LoopInfo first;
        first.source = "groove";
        for (auto mode : {lm::ui::ExportDialog::Mode::File, lm::ui::ExportDialog::Mode::Folder}) {
            lm::ui::ExportDialog d(mode, 2, first);
            const QStringList bad = offenders(&d);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("export dialog:\n  ") + bad.join("\n  ")));
        }
        lm::ui::TempoDialog tempo(QStringLiteral("song.wav"), 120, 0.5);
        QVERIFY2(offenders(&tempo).isEmpty(), qPrintable(offenders(&tempo).join("\n")));
        lm::ui::AboutDialog about;
        QVERIFY2(offenders(&about).isEmpty(), qPrintable(offenders(&about).join("\n")));
    }
};

QTEST_MAIN(TestTooltips)
#include "test_tooltips.moc"

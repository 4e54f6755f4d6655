#include "Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>

#include <memory>

namespace lm::ui {

namespace {
const char* kSetting = "look/theme";

QString gsettings(const QString& key)
{
    // Not installed (no GNOME) or hanging (no D-Bus): no answer, never a wait of more than a moment.
    const QString exe = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
    if (exe.isEmpty())
        return {};
    QProcess p;
    p.start(exe, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"), key});
    if (!p.waitForFinished(700)) {
        p.kill();
        p.waitForFinished(200);
        return {};
    }
    return p.exitCode() == 0 ? QString::fromUtf8(p.readAllStandardOutput()).trimmed().remove(QLatin1Char('\'')) : QString();
}
} // namespace

std::optional<Theme::Mode> Theme::parse(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("system"))
        return Mode::System;
    if (t == QLatin1String("light"))
        return Mode::Light;
    if (t == QLatin1String("dark"))
        return Mode::Dark;
    return std::nullopt;
}

bool Theme::desktopPrefersDark(const QPalette& platform)
{
    const QString gtk = QString::fromLocal8Bit(qgetenv("GTK_THEME"));
    if (!gtk.isEmpty()) // the user's explicit choice for this session
        return gtk.endsWith(QLatin1String(":dark"), Qt::CaseInsensitive) || gtk.endsWith(QLatin1String("-dark"), Qt::CaseInsensitive);
    const QString scheme = gsettings(QStringLiteral("color-scheme"));
    if (scheme == QLatin1String("prefer-dark"))
        return true;
    if (scheme == QLatin1String("prefer-light"))
        return false;
    if (!scheme.isEmpty() && gsettings(QStringLiteral("gtk-theme")).contains(QLatin1String("dark"), Qt::CaseInsensitive))
        return true; // GNOME before 42: a dark GTK theme is the wish
    return platform.color(QPalette::Window).lightness() < 128; // KDE, qt6ct: the platform theme's own palette
}

Theme::Theme()
{
    const QPalette platform = QGuiApplication::palette(); // before ours replaces it
    system_ = [platform] { return desktopPrefersDark(platform); };
    mode_ = parse(QSettings().value(QLatin1String(kSetting)).toString()).value_or(Mode::System);
    if (const auto env = parse(QString::fromLocal8Bit(qgetenv("LOOPMINER_THEME"))))
        mode_ = *env;
    qApp->installEventFilter(this);
    apply();
}

Theme* Theme::instance()
{
    static Theme* theme = [] {
        auto* t = new Theme;
        t->setParent(qApp);
        return t;
    }();
    return theme;
}

void Theme::setMode(Mode mode, bool store)
{
    mode_ = mode;
    if (store)
        QSettings().setValue(QLatin1String(kSetting), mode == Mode::Dark ? QStringLiteral("dark")
                                                      : mode == Mode::Light ? QStringLiteral("light")
                                                                            : QStringLiteral("system"));
    apply();
}

void Theme::setSystemSource(std::function<bool()> source)
{
    system_ = std::move(source);
    apply();
}

void Theme::apply()
{
    dark_ = mode_ == Mode::Dark || (mode_ == Mode::System && system_ && system_());
    // Fusion draws with the palette alone; the platform styles may not (GTK draws its own light frames).
    if (QString::fromLatin1(qApp->style()->metaObject()->className()) != QLatin1String("QFusionStyle"))
        qApp->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    qApp->setPalette(dark_ ? darkPalette() : lightPalette());
    Q_EMIT changed(dark_);
}

bool Theme::eventFilter(QObject* watched, QEvent* event)
{
    // The desktop's theme changed (sent to every window): ask again, once.
    if (event->type() == QEvent::ThemeChange && mode_ == Mode::System && !recheckQueued_) {
        recheckQueued_ = true;
        QTimer::singleShot(0, this, [this] {
            recheckQueued_ = false;
            apply();
        });
    }
    return QObject::eventFilter(watched, event);
}

QPalette Theme::lightPalette()
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = fusion->standardPalette();
    p.setColor(QPalette::Link, QColor(0, 90, 200));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2d, 0x2f, 0x33), base(0x1f, 0x21, 0x24), text(0xe6, 0xe6, 0xe6), dim(0x80, 0x84, 0x8a);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x29, 0x2b, 0x2f));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dim);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x38, 0x3b, 0x40));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x48));
    p.setColor(QPalette::Mid, QColor(0x8a, 0x8e, 0x95)); // also the dim text of notes ("color: palette(mid)")
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, dim);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x53, 0x58));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

QMenu* Theme::addMenu(QMenu* parent)
{
    QMenu* menu = parent->addMenu(tr("&Theme"));
    menu->setObjectName(QStringLiteral("themeMenu"));
    auto* group = new QActionGroup(menu);
    const std::pair<Mode, QString> choices[] = {{Mode::System, tr("&System")}, {Mode::Light, tr("&Light")}, {Mode::Dark, tr("&Dark")}};
    const char* names[] = {"themeSystem", "themeLight", "themeDark"};
    int i = 0;
    for (const auto& [mode, text] : choices) {
        QAction* a = menu->addAction(text);
        a->setObjectName(QLatin1String(names[i++]));
        a->setCheckable(true);
        a->setChecked(mode == mode_);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, m = mode] { setMode(m); });
        connect(this, &Theme::changed, a, [this, a, m = mode] { a->setChecked(m == mode_); });
    }
    menu->actions().at(0)->setToolTip(tr("Follow the desktop's light or dark preference"));
    return menu;
}

} // namespace lm::ui

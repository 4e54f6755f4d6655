#pragma once
// The app's light or dark palette (Fusion style), chosen by View > Theme:
// System (what the desktop prefers), Light or Dark. The choice is kept in
// QSettings ("look/theme"); LOOPMINER_THEME=light|dark|system or the GUI's
// --theme option overrides it for one run (screenshots, tests) without storing.
#include <QObject>
#include <QPalette>

#include <functional>
#include <optional>

class QMenu;
class QActionGroup;

namespace lm::ui {

class Theme : public QObject {
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark };

    // The app's one theme: made on first use, reads the setting and the
    // override, applies itself and follows the desktop's theme changes.
    static Theme* instance();

    Mode mode() const { return mode_; }
    // Applies now; `store`: kept in QSettings (the menu), or for this run only.
    void setMode(Mode mode, bool store = true);
    bool dark() const { return dark_; }

    // Where "the desktop prefers dark" comes from (tests inject their own);
    // asked again whenever the platform sends QEvent::ThemeChange.
    void setSystemSource(std::function<bool()> source);

    // A "Theme" submenu of `parent` with System / Light / Dark.
    QMenu* addMenu(QMenu* parent);

    static QPalette darkPalette();
    static QPalette lightPalette();
    // The desktop's wish: GTK_THEME ending in ":dark", GNOME's color-scheme
    // (gsettings, if installed, with a short timeout), else `platform`'s
    // window colour being dark.
    static bool desktopPrefersDark(const QPalette& platform);
    static std::optional<Mode> parse(const QString& text);

Q_SIGNALS:
    void changed(bool dark);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    Theme();
    void apply();

    Mode mode_ = Mode::System;
    bool dark_ = false;
    bool recheckQueued_ = false;
    std::function<bool()> system_;
};

} // namespace lm::ui

#pragma once
// File > Recent Libraries: the last 10 libraries opened, most recent first,
// kept in QSettings ("library/recent"). A library whose file is gone is shown
// disabled, its tooltip naming the file; "Clear Recent" empties the list.
#include <QObject>
#include <QStringList>

#include <functional>

class QMenu;
class QWidget;

namespace lm::ui {

class RecentLibraries : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 10;
    // Adds the submenu to `fileMenu`; choosing a library calls `open` with its path.
    RecentLibraries(QMenu* fileMenu, std::function<void(const QString&)> open);

    QMenu* menu() const { return menu_; }
    // Puts the library first (an absolute path; once in the list), and makes it
    // the one the next start opens ("library/path").
    void add(const QString& path);
    void clear();
    static QStringList paths();

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void rebuild();

    QMenu* menu_;
};

} // namespace lm::ui

#pragma once
// What the window remembers between starts beyond its geometry: the last loop
// chosen (by LoopId) or piece shown, per library, shown again when that
// library is opened again; and the loops panel's filters and sort order
// (saved when the window closes, restored when it is made). A library with
// nothing remembered is left as it opens (a first start's own choice stands).
#include <QObject>
#include <QString>

class QMainWindow;

namespace lm::ui {

class LibrarySession;
class LibraryPanel;
class LoopsPanel;
class PieceView;

class BrowseMemory : public QObject {
    Q_OBJECT
public:
    BrowseMemory(QMainWindow* window, LibrarySession* session, LibraryPanel* library, LoopsPanel* loops, PieceView* piece);

    // Whether the library last opened had a selection remembered and shown.
    bool restored() const { return restored_; }
    // "loop:m12" or "piece:/path/file.mid" remembered for the library; "" when none.
    static QString remembered(const QString& libraryPath);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void remember(const QString& what);
    void restore();

    LibrarySession* session_;
    LoopsPanel* loops_;
    PieceView* piece_;
    bool restored_ = false;
    bool restoring_ = false;
};

} // namespace lm::ui

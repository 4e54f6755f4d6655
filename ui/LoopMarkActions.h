#pragma once
// Starring and tagging from the loops table: the star cell's click, the
// "Star / Unstar" action (Ctrl+D, the bookmark key of browsers and file
// managers; a plain letter would be taken by the table's type-to-find),
// "Add Tag…" for the selection and "Edit Tags…" (the Tags cell's own
// editor: comma-separated), all in the table's context menu.
#include <QObject>

class QAction;
class QTableView;
class QWidget;

namespace lm::ui {

class LoopsTableModel;
class StarDelegate;

class LoopMarkActions : public QObject {
    Q_OBJECT
public:
    LoopMarkActions(QTableView* table, LoopsTableModel* model, QObject* parent = nullptr);

    QAction* starAction() const { return star_; }
    QAction* addTagAction() const { return addTag_; }
    QAction* editTagsAction() const { return editTags_; }
    StarDelegate* delegate() const { return delegate_; }
    // "Add Tag…" without its dialog: adds the tags (comma-separated) to the selected loops.
    bool addTagToSelection(const QString& tags);

Q_SIGNALS:
    void failed(const QString& message); // a write the library refused

private:
    void askTag();
    void report(bool ok);

    QTableView* table_;
    LoopsTableModel* model_;
    StarDelegate* delegate_;
    QAction* star_;
    QAction* addTag_;
    QAction* editTags_;
};

} // namespace lm::ui

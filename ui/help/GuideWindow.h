#pragma once
// The user guide (resources/help/guide.md, compiled in) in a window of its
// own that stays open beside the main window while one works.
#include <QWidget>

class QTextBrowser;

namespace lm::ui {

class GuideWindow : public QWidget {
    Q_OBJECT
public:
    explicit GuideWindow(QWidget* parent = nullptr);
    QTextBrowser* browser() const { return browser_; }
    // The guide's markdown: guide_<language>.md when there is one, else the English guide.
    static QString guideText();

private:
    QTextBrowser* browser_;
};

} // namespace lm::ui

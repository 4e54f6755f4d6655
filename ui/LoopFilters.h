#pragma once
// The loops panel's browser filters a musician expects: favourites only
// ("★ only"), one tag of the library (or any), and a tempo range in BPM.
#include "core/model/LibraryRecords.h"

#include <QWidget>

class QComboBox;
class QSpinBox;
class QToolButton;

namespace lm::ui {

class LoopFilters : public QWidget {
    Q_OBJECT
public:
    explicit LoopFilters(QWidget* parent = nullptr);

    // The library's tags (A to Z); the tag chosen stays chosen while it is among
    // them. Before a library is open (`libraryOpen` false) a wanted tag waits for it.
    void setTags(const std::vector<std::string>& tags, bool libraryOpen = true);
    // Writes the filters into the query (a tempo bound of 0 is "any").
    void applyTo(LoopQuery& q) const;
    // A tag to choose once the library has it (a restored filter, before the library is open).
    void wantTag(const QString& tag);
    QString tag() const; // "" for any tag
    QString wantedTag() const { return wanted_; } // the tag chosen, or waiting for its library

    QToolButton* starredOnly() const { return starred_; }
    QComboBox* tagFilter() const { return tag_; }
    QSpinBox* minTempo() const { return minTempo_; }
    QSpinBox* maxTempo() const { return maxTempo_; }

Q_SIGNALS:
    void changed();

private:
    QToolButton* starred_;
    QComboBox* tag_;
    QSpinBox* minTempo_;
    QSpinBox* maxTempo_;
    QString wanted_;
};

} // namespace lm::ui

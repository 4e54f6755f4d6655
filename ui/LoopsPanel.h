#pragma once
// The loops panel: every mined loop of the library, filtered by text and note
// density, sorted by any column; choosing one shows it in the piece view.
#include "core/model/LoopId.h"

#include <QWidget>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace lm {
class LibraryReader;
class LoopMarks;
}

namespace lm::ui {

class LoopsTableModel;
class LibrarySession;
class LoopListExport;
class LoopFilters;
class LoopMarkActions;

class LoopsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LoopsPanel(QWidget* parent = nullptr);
    // The library to show, and where stars and tags are written (none: read-only).
    void setLibrary(LibraryReader* db, LoopMarks* marks = nullptr);
    // Follows the session: its library, reloaded when its content or scores change.
    void setSession(LibrarySession* session);
    void reload();
    void focusFilter();

    LoopsTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QLineEdit* filterEdit() const { return filter_; }
    QDoubleSpinBox* minDensity() const { return minDensity_; }
    QDoubleSpinBox* maxDensity() const { return maxDensity_; }
    QCheckBox* loopsOnly() const { return loopsOnly_; } // scored under the library's threshold
    // Export Selected (batch export to a folder) and dragging loops out as files.
    LoopListExport* exporting() const { return export_; }
    // All sources, mined, generated, or the generated loops of one model.
    QComboBox* sourceFilter() const { return source_; }
    // The library map's lasso: only these loops (none: no such limit); the
    // button says how many and clears it.
    void setOnlyLoops(std::optional<std::vector<LoopId>> ids);
    QPushButton* onlyLoopsButton() const { return only_; }
    // Any period, 1, 2, 4 or 8 bars, or none (method.md 10.1): mined loops only.
    QComboBox* periodFilter() const { return period_; }
    // Favourites, tag and tempo range (LoopFilters.h); stars and tags (LoopMarkActions.h).
    LoopFilters* browseFilters() const { return browse_; }
    LoopMarkActions* marking() const { return marking_; }
    // Selects the loop's row (fetching pages until it is loaded); false when the filters hide it.
    bool selectLoop(const LoopId& id);
    // The filters and the sort order in QSettings ("loops/..."): the window
    // saves them when it closes and restores them when it is made (LoopsPanelState.cpp).
    void saveState() const;
    void restoreState();

Q_SIGNALS:
    void loopChosen(const QString& path, int startBar); // a mined loop
    void loopIdChosen(lm::LoopId id);                   // any loop (a generated one has no path)

private:
    void applyFilters();
    void fillSources(); // the models of the library's generated loops
    void fillTags();    // the tag filter's list

    LoopsTableModel* model_;
    QTableView* table_;
    QLineEdit* filter_;
    QDoubleSpinBox* minDensity_;
    QDoubleSpinBox* maxDensity_;
    QCheckBox* loopsOnly_;
    QComboBox* source_;
    QComboBox* period_;
    LibraryReader* db_ = nullptr;
    LoopListExport* export_;
    QPushButton* only_ = nullptr;
    LoopFilters* browse_;
    LoopMarkActions* marking_;
    LoopMarks* marks_ = nullptr;
    QString wantedSource_; // a restored source filter, chosen once the library has it
    bool reselecting_ = false; // reload() selects the loop chosen before again
};

} // namespace lm::ui

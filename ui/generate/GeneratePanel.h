#pragma once
// The Generation panel: settings (GenerationForm), Generate as a job with
// "kept K of N drawn" live, the results of a batch with their loop score,
// note density and unique pitch, Keep (selected or all) and Discard, and the
// history of batches. A batch is stored in the library as soon as it is
// found, its loops pending until kept or discarded (LibraryDb's generated
// loops), so that the history survives a restart; kept loops appear in the
// loops panel as generated loops. Choosing a result shows it in the piece view.
#include "core/model/LibraryRecords.h"
#include "core/model/LoopId.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace lm::ui {

class GenerationForm;
class JobRunner;
class LibrarySession;

class GeneratePanel : public QWidget {
    Q_OBJECT
public:
    enum Column { Number, Score, NoteDensity, UniquePitch, State, ColumnCount };

    explicit GeneratePanel(QWidget* parent = nullptr);
    ~GeneratePanel() override;
    // Follows the session: its library (history reloaded when another opens) and model.
    void setSession(LibrarySession* session);
    // Starts a generation with the form's settings; false (and why in the
    // status line) with no library, no models, or while one runs.
    bool generate();
    // Reads the history again and shows the batch `batchId` (0: the one shown, else the newest).
    void reloadHistory(int64_t batchId = 0);

    GenerationForm* form() const { return form_; }
    QPushButton* generateButton() const { return generate_; }
    QPushButton* keepButton() const { return keep_; }
    QPushButton* keepAllButton() const { return keepAll_; }
    QPushButton* discardButton() const { return discard_; }
    QPushButton* discardBatchButton() const { return discardBatch_; }
    QComboBox* historyBox() const { return history_; }
    QTableWidget* results() const { return results_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* batchInfo() const { return batchInfo_; } // the shown batch's settings
    JobRunner* job() const { return job_; }
    // The batch shown in the results (nullptr when none).
    const GenerationBatch* shownBatch() const;
    // The shown batch's loops whose rows are selected.
    std::vector<LoopId> selectedLoops() const;

Q_SIGNALS:
    void generationFinished(const QString& error); // "" when a batch was stored and shown
    void loopSelected(lm::LoopId id);              // a result was chosen (the piece view shows it)
    void libraryLoopsChanged();                    // loops were kept or dropped
    void batchShown();                             // the results list another batch (or none)

private:
    void showBatch(int index);
    void onFinished(bool ok, const QString& error);
    void keepLoops(bool all);
    void discardLoops();
    void dropBatch();
    void updateButtons();
    QString modelDir() const;
    void say(const QString& text);

    LibrarySession* session_ = nullptr;
    GenerationForm* form_;
    QLabel* model_;
    QPushButton* generate_;
    QPushButton* cancel_;
    QComboBox* history_;
    QPushButton* reuse_;
    QLabel* batchInfo_;
    QTableWidget* results_;
    QPushButton* keep_;
    QPushButton* keepAll_;
    QPushButton* discard_;
    QPushButton* discardBatch_;
    QLabel* status_;
    JobRunner* job_;
    std::vector<GenerationBatch> batches_;
};

} // namespace lm::ui

#pragma once
// Novelty in the Generate panel's results (issue 17 item 4): a column with
// each generated loop's nearest training loop, in the latent space and in
// roll cells (core/library/Novelty.h: new, near copy, copy), a line that
// counts them, and "Hide copies" to filter exact and near copies out of the
// list. Computed as a job when a batch is shown, against the library's
// training loops under the panel's model (kept for the next batch until the
// library or the model changes).
#include <QObject>
#include <map>
#include <memory>
#include <string>

class QCheckBox;
class QLabel;

namespace lm {
class NoveltyReference;
struct Novelty;
}

namespace lm::ui {

class GeneratePanel;
class JobRunner;
class LibrarySession;

class GenerationNovelty : public QObject {
    Q_OBJECT
public:
    GenerationNovelty(GeneratePanel* panel, LibrarySession* session, QObject* parent = nullptr);
    ~GenerationNovelty() override;
    static int column(); // of the results table
    QCheckBox* hideCopies() const { return hide_; }
    QLabel* summary() const { return summary_; }
    JobRunner* job() const { return job_; }

Q_SIGNALS:
    void measured(const QString& error); // the shown batch's column is filled ("" when it worked)

private:
    void start();
    void onFinished(bool ok, const QString& error);
    void applyFilter();

    GeneratePanel* panel_;
    LibrarySession* session_;
    JobRunner* job_;
    QCheckBox* hide_;
    QLabel* summary_;
    std::shared_ptr<const NoveltyReference> reference_;
    std::string referenceKey_;
    bool again_ = false;
};

} // namespace lm::ui

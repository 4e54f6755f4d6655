#pragma once
// The "Map" tab: every loop of the library (mined and kept generated) as a
// point in 2-D, laid out from the active model's latent space by PCA (the
// fast default) or t-SNE, as a job (core/library/LibraryMap). Coloured by
// source, loop score, note density or tempo; hover shows a loop's roll,
// a click plays it, a lasso filters the Loops panel to the loops inside.
#include "core/model/LoopId.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace lm::ui {

class JobRunner;
class LibrarySession;
class MapView;

class MapPanel : public QWidget {
    Q_OBJECT
public:
    explicit MapPanel(QWidget* parent = nullptr);
    ~MapPanel() override;
    void setSession(LibrarySession* session);
    bool build(); // false (and why in the status line) when it cannot start

    MapView* view() const { return view_; }
    QComboBox* methodBox() const { return method_; }
    QComboBox* colourBox() const { return colour_; }
    QPushButton* buildButton() const { return build_; }
    QLabel* statusLabel() const { return status_; }
    JobRunner* job() const { return job_; }

Q_SIGNALS:
    void built(const QString& error);
    void loopActivated(lm::LoopId id);
    void selectionChanged(const std::vector<lm::LoopId>& ids);

private:
    void onBuilt(bool ok, const QString& error);

    LibrarySession* session_ = nullptr;
    QComboBox* method_;
    QComboBox* colour_;
    QPushButton* build_;
    QLabel* status_;
    MapView* view_;
    JobRunner* job_;
};

} // namespace lm::ui

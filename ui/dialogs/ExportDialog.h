#pragma once
// The export options (issue 14, export): target (a file for one loop, a
// folder and a name pattern for a batch), repeats, tempo (the source's or
// one chosen), bass program, drum map. Remembered in QSettings ("export/...").
// accept() checks the pattern and reads the drum map; a bad one is shown in
// the dialog, which stays open.
#include "core/library/LoopExport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace lm::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { File, Folder };
    // `count` loops; `first` names the preview (and the suggested file in File mode);
    // `audio`: an audio piece's bars (a WAV cut: the MIDI options do not apply).
    ExportDialog(Mode mode, int count, const LoopInfo& first, QWidget* parent = nullptr);

    Mode mode() const { return mode_; }
    QString target() const; // the file (File mode) or the folder
    const LoopExportSettings& settings() const { return settings_; } // valid after accept

    QLineEdit* targetEdit() const { return target_; }
    QLineEdit* patternEdit() const { return pattern_; }
    QSpinBox* repeatSpin() const { return repeat_; }
    QCheckBox* tempoCheck() const { return useTempo_; }
    QDoubleSpinBox* tempoSpin() const { return tempo_; }
    QComboBox* programCombo() const { return program_; }
    QLineEdit* drumMapEdit() const { return drumMap_; }
    QLabel* errorLabel() const { return error_; }
    QCheckBox* atPeriodCheck() const { return atPeriod_; } // cut each loop at its period (method.md 10.1)
    QLabel* previewLabel() const { return preview_; }

    void accept() override;

private:
    void browseTarget();
    void browseDrumMap();
    void updatePreview();
    LoopExportSettings fromWidgets() const;
    void restore(const LoopInfo& first);
    void remember() const;

    Mode mode_;
    int count_;
    LoopInfo first_;
    LoopExportSettings settings_;
    QLineEdit* target_;
    QLineEdit* pattern_ = nullptr;
    QSpinBox* repeat_;
    QCheckBox* useTempo_;
    QDoubleSpinBox* tempo_;
    QComboBox* program_;
    QLineEdit* drumMap_;
    QLabel* preview_;
    QLabel* error_;
    QCheckBox* atPeriod_;
};

} // namespace lm::ui

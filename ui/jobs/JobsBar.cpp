#include "JobsBar.h"

#include "JobRunner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace lm::ui {

JobsBar::JobsBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("jobsBar"));
    label_ = new QLabel(this);
    bar_ = new QProgressBar(this);
    bar_->setMaximumWidth(180);
    bar_->setTextVisible(false);
    pause_ = new QToolButton(this);
    pause_->setObjectName(QStringLiteral("pauseJob"));
    pause_->setText(tr("Pause"));
    pause_->setCheckable(true);
    pause_->setToolTip(tr("Pause this job at its next step; click again to go on"));
    cancel_ = new QToolButton(this);
    cancel_->setObjectName(QStringLiteral("cancelJob"));
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop this job; what it finished is kept"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(pause_);
    layout->addWidget(cancel_);
    connect(cancel_, &QToolButton::clicked, this, [this] {
        if (shown_)
            shown_->cancel();
    });
    connect(pause_, &QToolButton::toggled, this, [this](bool on) {
        if (shown_)
            shown_->setPaused(on);
    });
    // Escape cancels the job on show, as it cancelled the old progress dialog.
    auto* escape = new QAction(tr("Cancel the running job"), this); // its text names it in Help > Keyboard Shortcuts
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WindowShortcut);
    addAction(escape);
    connect(escape, &QAction::triggered, cancel_, &QToolButton::click);
    setVisible(false);
}

QString JobsBar::text() const { return label_->text(); }

void JobsBar::watch(JobRunner* runner, bool canPause)
{
    if (canPause)
        pausable_ << runner;
    connect(runner, &JobRunner::started, this, [this, runner] {
        running_.removeAll(runner);
        running_ << runner;
        showJob(runner);
    });
    connect(runner, &JobRunner::progress, this,
            [this, runner](double fraction, qint64 done, qint64 total, const QString& message) {
        if (runner != shown_)
            return;
        QString text = runner->name();
        if (total > 0)
            text += tr(" %1 of %2").arg(QLocale().toString(done), QLocale().toString(total));
        if (!message.isEmpty())
            text += QStringLiteral(": ") + message;
        label_->setText(text);
        bar_->setRange(0, fraction < 0 ? 0 : 1000); // unknown total: a busy bar
        if (fraction >= 0)
            bar_->setValue(int(fraction * 1000));
    });
    connect(runner, &JobRunner::finished, this, [this, runner] {
        running_.removeAll(runner);
        running_.removeAll(nullptr);
        refresh();
    });
}

void JobsBar::showJob(JobRunner* runner)
{
    shown_ = runner;
    label_->setText(runner->name());
    bar_->setRange(0, 0);
    pause_->setVisible(pausable_.contains(runner));
    pause_->setChecked(runner->paused());
    setVisible(true);
}

void JobsBar::refresh()
{
    if (running_.isEmpty()) {
        shown_ = nullptr;
        setVisible(false);
        return;
    }
    showJob(running_.back());
}

} // namespace lm::ui

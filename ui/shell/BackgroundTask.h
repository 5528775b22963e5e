#pragma once

#include "common/Progress.h"
#include "common/WorkbenchError.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace workbench::ui {

/// What a task and the window share: whether to stop, and how far the work is. Thread-safe.
class TaskControl {
public:
    void cancel() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }
    /// True from the start until the result has been delivered (a task whose worker is done but whose result
    /// is not yet delivered still counts: a waiter must not take the old state for the new).
    bool isRunning() const { return m_running; }

    void setProgress(qint64 done, qint64 total)
    {
        m_done = done;
        m_total = total;
    }
    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }
    /// Blocks until the worker has returned (its outcome is delivered later, by the event loop): for a window
    /// that closes while work runs, after cancel().
    void waitForWorker()
    {
        if (m_wait)
            m_wait();
    }
    /// A counter the work bumps as it goes (rows read, say), shown beside the progress.
    std::atomic<qint64> &counter() { return m_counter; }

    /// The core's progress callback: records the progress and answers whether to go on.
    ProgressCallback progressCallback()
    {
        return [this](qint64 done, qint64 total) {
            setProgress(done, total);
            return !isCancelled();
        };
    }

private:
    template <typename Result> friend class BackgroundTask;
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_running{true};
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{0};
    std::atomic<qint64> m_counter{0};
    std::function<void()> m_wait;
};

/// How a task ended: its result, or that it was cancelled, or the message of the WorkbenchError it threw.
template <typename Result> struct TaskOutcome {
    std::optional<Result> result;
    bool cancelled = false;
    QString error;
};

/// The one way the GUI runs work off its thread: the work gets a TaskControl (progress, cancel), runs on the
/// thread pool, and its outcome is delivered on the thread of `context`, never after `context` is gone.
/// WorkbenchError and Cancelled thrown by the work become the outcome; anything else is a bug and terminates.
template <typename Result> class BackgroundTask {
public:
    using Work = std::function<Result(TaskControl &control)>;
    using Done = std::function<void(TaskOutcome<Result> outcome)>;

    static std::shared_ptr<TaskControl> run(QObject *context, Work work, Done done)
    {
        auto control = std::make_shared<TaskControl>();
        auto *watcher = new QFutureWatcher<TaskOutcome<Result>>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, control, done = std::move(done)] {
            TaskOutcome<Result> outcome = watcher->result();
            watcher->deleteLater();
            if (done)
                done(std::move(outcome));
            control->m_running = false; // after the handler: it is part of the task
        });
        QFuture<TaskOutcome<Result>> future =
            QtConcurrent::run([control, work = std::move(work)]() -> TaskOutcome<Result> {
                TaskOutcome<Result> outcome;
                try {
                    outcome.result = work(*control);
                } catch (const Cancelled &) {
                    outcome.cancelled = true;
                } catch (const WorkbenchError &error) {
                    outcome.error = error.message();
                }
                return outcome;
            });
        control->m_wait = [future]() mutable { future.waitForFinished(); };
        watcher->setFuture(future);
        return control;
    }
};

/// Runs `work` and delivers its outcome to `done` on `context`'s thread; see BackgroundTask.
template <typename Work, typename Done>
std::shared_ptr<TaskControl> runInBackground(QObject *context, Work work, Done done)
{
    using Result = std::invoke_result_t<Work, TaskControl &>;
    return BackgroundTask<Result>::run(context, std::move(work), std::move(done));
}

} // namespace workbench::ui

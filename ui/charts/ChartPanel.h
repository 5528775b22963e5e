#pragma once

#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLabel;
class QPainter;
QT_END_NAMESPACE

namespace workbench::ui {

/// A chart on a page. Everything that touches Qt Charts lives in ui/charts (it is deprecated in favour
/// of Qt Graphs in later Qt versions; this is the one place to change). Follows the palette, light or dark.
class ChartPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);

    QChart *chart() const;
    /// Series currently drawn (0: nothing to show).
    int seriesCount() const;
    /// Removes every series and axis and re-applies the palette theme; builders start here.
    void reset(const QString &title);
    /// Draws the chart with `build` now, and again whenever the palette changes (series colours and
    /// labels are picked from the palette when they are built).
    void setBuilder(std::function<void(ChartPanel &)> build);
    /// What to show instead of an empty chart ("no reviews in 2026-09 yet: draw a sample"); builders set it
    /// when they have nothing to draw, reset() clears it.
    void setEmptyMessage(const QString &text);
    QString emptyMessage() const;
    /// Draws the chart at `size` (logical pixels) into `target` of `painter`: vector output on a PDF writer.
    void renderTo(QPainter *painter, const QRectF &target, const QSizeF &size);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QChartView *m_view;
    QLabel *m_empty;
    std::function<void(ChartPanel &)> m_build;
};

} // namespace workbench::ui

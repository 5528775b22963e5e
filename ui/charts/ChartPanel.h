#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
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

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QChartView *m_view;
};

} // namespace workbench::ui

#pragma once

#include "import/ImportJob.h"

#include <QDialog>
#include <QTimer>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace workbench {
class Clock;
class Database;
} // namespace workbench

namespace workbench::ui {

class TaskControl;

class ImportPreviewModel;
class MappingTableModel;

/// Choose files, see the detected format (and change it), map CSV columns to fields (proposed from the
/// header, with value maps, saved and reused by name), set what chat logs and help-desk exports need, and
/// see the first rows as they will be stored, bad cells marked, before importing.
class ImportDialog final : public QDialog {
    Q_OBJECT
public:
    ImportDialog(Database &workspace, const Clock &clock, QWidget *parent = nullptr);
    ~ImportDialog() override;

    void addFiles(const QStringList &files);
    /// nullopt: detect from the first file.
    void setFormatChoice(std::optional<ImportFormat> format);
    /// The import as chosen so far.
    ImportRequest request() const;
    /// Saves the current column mapping (or, for a chat log or help-desk export, the reader's options)
    /// under `name` in the workspace.
    void saveMapping(const QString &name);
    /// Applies the saved mapping called `name` (as choosing it in the list does).
    void applySavedMapping(const QString &name);
    /// Recomputes the preview on a worker thread now (it also follows every change, a moment later);
    /// previewRefreshed() says when it is shown.
    void refreshPreview();

    MappingTableModel *mappingModel() const { return m_mapping; }
    ImportPreviewModel *previewModel() const { return m_preview; }
    QString previewStatus() const;
    bool canImport() const;

Q_SIGNALS:
    void previewRefreshed();

private:
    void chooseFiles();
    void removeSelectedFiles();
    void applySavedMapping(int index);
    void askForMappingName();
    void scheduleRefresh();
    void applyPreview(ImportPreview preview);
    std::optional<ImportFormat> effectiveFormat() const;
    QWidget *buildCsvPage();
    QWidget *buildChatlogPage();
    QWidget *buildHelpDeskPage();
    void reloadSavedMappings();
    void setOptionWidgets(const ReaderOptions &options);

    Database &m_workspace;
    const Clock &m_clock;
    QStringList m_conversationFiles;
    QStringList m_messageFiles;
    QStringList m_mappedHeaders; // the header the current mapping was proposed for

    QListWidget *m_fileList;
    QComboBox *m_format;
    QLabel *m_detected;
    QCheckBox *m_lenient;
    QStackedWidget *m_options;
    // CSV
    QComboBox *m_savedMappings = nullptr;
    MappingTableModel *m_mapping;
    // Chat logs
    QLineEdit *m_handoffTool = nullptr;
    QLineEdit *m_idFields = nullptr;
    QLineEdit *m_customerField = nullptr;
    QLineEdit *m_categoryField = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QSpinBox *m_spacing = nullptr;
    // Help desks
    QLineEdit *m_aiAuthors = nullptr;
    QComboBox *m_categoryFrom = nullptr;
    QLineEdit *m_categoryArgument = nullptr;
    QLineEdit *m_commentsFile = nullptr;

    ImportPreviewModel *m_preview;
    QTableView *m_previewView;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QTimer m_refreshTimer;
    std::shared_ptr<TaskControl> m_previewTask;
    bool m_previewPending = false;
    bool m_previewing = false;
    QString m_previewError;
};

} // namespace workbench::ui

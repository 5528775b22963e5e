#include "ImportDialog.h"

#include "shell/BackgroundTask.h"

#include "ImportPreviewModel.h"
#include "MappingTableModel.h"
#include "common/Clock.h"
#include "import/CsvConversationSource.h"
#include "store/Database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

namespace workbench::ui {
namespace {

enum OptionsPage { CsvPage, JsonlPage, ChatlogPage, HelpDeskPage };

QString formatTitle(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Csv:
        return ImportDialog::tr("CSV");
    case ImportFormat::Jsonl:
        return ImportDialog::tr("JSONL (canonical)");
    case ImportFormat::Chatlog:
        return ImportDialog::tr("Chat log (OpenAI messages)");
    case ImportFormat::Zendesk:
        return ImportDialog::tr("Zendesk export");
    case ImportFormat::Intercom:
        return ImportDialog::tr("Intercom export");
    }
    return {};
}

} // namespace

ImportDialog::ImportDialog(Database &workspace, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_clock(clock), m_fileList(new QListWidget(this)),
      m_format(new QComboBox(this)), m_detected(new QLabel(this)),
      m_lenient(new QCheckBox(tr("Skip bad rows and list them (lenient)"), this)), m_options(new QStackedWidget(this)),
      m_mapping(new MappingTableModel(this)), m_preview(new ImportPreviewModel(this)),
      m_previewView(new QTableView(this)), m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import Conversations"));
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(150);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ImportDialog::refreshPreview);

    // Files.
    auto *addButton = new QPushButton(tr("&Add Files…"), this);
    auto *removeButton = new QPushButton(tr("&Remove"), this);
    connect(addButton, &QPushButton::clicked, this, &ImportDialog::chooseFiles);
    connect(removeButton, &QPushButton::clicked, this, &ImportDialog::removeSelectedFiles);
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fileList->setMaximumHeight(90);
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(addButton);
    fileButtons->addWidget(removeButton);
    fileButtons->addStretch();
    auto *files = new QHBoxLayout;
    files->addWidget(m_fileList, 1);
    files->addLayout(fileButtons);

    // Format.
    m_format->addItem(tr("Detect from the file"), -1);
    for (ImportFormat format :
         {ImportFormat::Csv, ImportFormat::Jsonl, ImportFormat::Chatlog, ImportFormat::Zendesk, ImportFormat::Intercom})
        m_format->addItem(formatTitle(format), int(format));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::scheduleRefresh);
    connect(m_lenient, &QCheckBox::toggled, this, &ImportDialog::scheduleRefresh);
    auto *formatRow = new QHBoxLayout;
    auto *formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(m_format);
    formatRow->addWidget(formatLabel);
    formatRow->addWidget(m_format);
    formatRow->addWidget(m_detected, 1);
    formatRow->addWidget(m_lenient);

    // Saved mappings: CSV columns, or a chat log's or help desk's reader options.
    m_savedMappings = new QComboBox(this);
    auto *saveButton = new QPushButton(tr("&Save Mapping…"), this);
    connect(saveButton, &QPushButton::clicked, this, &ImportDialog::askForMappingName);
    connect(m_savedMappings, &QComboBox::activated, this, qOverload<int>(&ImportDialog::applySavedMapping));
    auto *mappingRow = new QHBoxLayout;
    mappingRow->addWidget(new QLabel(tr("Saved mapping:"), this));
    mappingRow->addWidget(m_savedMappings, 1);
    mappingRow->addWidget(saveButton);

    // Options per format.
    m_options->addWidget(buildCsvPage());
    auto *jsonlNote = new QLabel(tr("Canonical JSONL names its fields as the workbench does; nothing to map."), this);
    jsonlNote->setWordWrap(true);
    m_options->addWidget(jsonlNote);
    m_options->addWidget(buildChatlogPage());
    m_options->addWidget(buildHelpDeskPage());

    // Preview.
    m_previewView->setModel(m_preview);
    m_previewView->verticalHeader()->hide();
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_previewView->horizontalHeader()->setDefaultSectionSize(120);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *previewBox = new QGroupBox(tr("Preview: the first rows as they will be stored"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_status);
    previewLayout->addWidget(m_previewView);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_options);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(files);
    layout->addLayout(formatRow);
    layout->addLayout(mappingRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_buttons);
    resize(1100, 760);
    reloadSavedMappings();
    refreshPreview();
}

QWidget *ImportDialog::buildCsvPage()
{
    auto *page = new QWidget(this);
    auto *table = new QTableView(page);
    table->setModel(m_mapping);
    table->setItemDelegateForColumn(MappingTableModel::SourceColumn, new SourceColumnDelegate(table));
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(MappingTableModel::FieldColumn, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(MappingTableModel::SourceColumn, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    table->setObjectName(QStringLiteral("mapping-editor"));
    connect(m_mapping, &MappingTableModel::mappingChanged, this, &ImportDialog::scheduleRefresh);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table);
    return page;
}

QWidget *ImportDialog::buildChatlogPage()
{
    auto *page = new QWidget(this);
    const ReaderOptions defaults;
    m_handoffTool = new QLineEdit(defaults.handoffTool, page);
    m_idFields = new QLineEdit(page);
    m_idFields->setPlaceholderText(tr("detected (id, or task_id,trial)"));
    m_customerField = new QLineEdit(page);
    m_customerField->setPlaceholderText(tr("detected (customer_id, user_id, info.task.user_id)"));
    m_categoryField = new QLineEdit(page);
    m_categoryField->setPlaceholderText(tr("none: uncategorized"));
    m_start = new QDateTimeEdit(page);
    m_start->setTimeSpec(Qt::UTC);
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_start->setCalendarPopup(true);
    const QDate firstOfLastMonth = m_clock.nowUtc().date().addMonths(-1);
    m_start->setDateTime(
        QDateTime(QDate(firstOfLastMonth.year(), firstOfLastMonth.month(), 1), QTime(0, 0), QTimeZone::utc()));
    m_spacing = new QSpinBox(page);
    m_spacing->setRange(0, 7 * 24 * 60);
    m_spacing->setValue(int(defaults.spacingSeconds / 60));
    m_spacing->setSuffix(tr(" min"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("Hand-off tool:"), m_handoffTool);
    form->addRow(tr("Conversation id fields:"), m_idFields);
    form->addRow(tr("Customer id field:"), m_customerField);
    form->addRow(tr("Category field:"), m_categoryField);
    form->addRow(tr("Without timestamps, start at:"), m_start);
    form->addRow(tr("…and space conversations by:"), m_spacing);
    for (QLineEdit *edit : {m_handoffTool, m_idFields, m_customerField, m_categoryField})
        connect(edit, &QLineEdit::textChanged, this, &ImportDialog::scheduleRefresh);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &ImportDialog::scheduleRefresh);
    connect(m_spacing, &QSpinBox::valueChanged, this, &ImportDialog::scheduleRefresh);
    return page;
}

QWidget *ImportDialog::buildHelpDeskPage()
{
    auto *page = new QWidget(this);
    m_aiAuthors = new QLineEdit(page);
    m_aiAuthors->setPlaceholderText(tr("ids of the AI's user or admin, comma-separated"));
    m_categoryFrom = new QComboBox(page);
    m_categoryFrom->addItem(tr("The first tag"), QStringLiteral("tags"));
    m_categoryFrom->addItem(tr("The first tag starting with"), QStringLiteral("tag-prefix:"));
    m_categoryFrom->addItem(tr("The custom field or attribute"), QStringLiteral("field:"));
    m_categoryArgument = new QLineEdit(page);
    m_commentsFile = new QLineEdit(page);
    m_commentsFile->setPlaceholderText(tr("Zendesk: comments in a separate file (optional)"));
    auto *categoryRow = new QHBoxLayout;
    categoryRow->addWidget(m_categoryFrom);
    categoryRow->addWidget(m_categoryArgument, 1);
    auto *form = new QFormLayout(page);
    form->addRow(tr("AI author ids:"), m_aiAuthors);
    form->addRow(tr("Category from:"), categoryRow);
    form->addRow(tr("Comments file:"), m_commentsFile);
    for (QLineEdit *edit : {m_aiAuthors, m_categoryArgument, m_commentsFile})
        connect(edit, &QLineEdit::textChanged, this, &ImportDialog::scheduleRefresh);
    connect(m_categoryFrom, &QComboBox::currentIndexChanged, this, &ImportDialog::scheduleRefresh);
    return page;
}

void ImportDialog::reloadSavedMappings()
{
    m_savedMappings->clear();
    m_savedMappings->addItem(tr("None (proposed from the file)"));
    m_savedMappings->addItems(savedMappingNames(m_workspace));
}

void ImportDialog::addFiles(const QStringList &files)
{
    for (const QString &given : files) {
        const QString file = QDir::cleanPath(QFileInfo(given).absoluteFilePath());
        if (m_conversationFiles.contains(file) || m_messageFiles.contains(file))
            continue;
        const bool messages = isMessagesCsv(file);
        (messages ? m_messageFiles : m_conversationFiles) << file;
        m_fileList->addItem(messages ? tr("%1  (messages)").arg(QDir::toNativeSeparators(file))
                                     : QDir::toNativeSeparators(file));
    }
    m_mappedHeaders.clear(); // propose again for the (possibly new) first file
    refreshPreview();
}

void ImportDialog::chooseFiles()
{
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Import Conversations"), QString(),
                                      tr("Exports (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;All files (*)"));
    if (!files.isEmpty())
        addFiles(files);
}

void ImportDialog::removeSelectedFiles()
{
    for (QListWidgetItem *item : m_fileList->selectedItems()) {
        const QString path = QDir::fromNativeSeparators(item->text().section(QStringLiteral("  ("), 0, 0));
        m_conversationFiles.removeAll(path);
        m_messageFiles.removeAll(path);
        delete item;
    }
    m_mappedHeaders.clear();
    refreshPreview();
}

void ImportDialog::setFormatChoice(std::optional<ImportFormat> format)
{
    m_format->setCurrentIndex(format ? m_format->findData(int(*format)) : 0);
    refreshPreview();
}

std::optional<ImportFormat> ImportDialog::effectiveFormat() const
{
    const int chosen = m_format->currentData().toInt();
    if (chosen >= 0)
        return ImportFormat(chosen);
    return m_conversationFiles.isEmpty() ? std::nullopt : detectFormat(m_conversationFiles.first());
}

void ImportDialog::applySavedMapping(int index)
{
    if (index <= 0) {
        m_mapping->setMapping(ColumnMapping::propose(m_mapping->headers()));
        return;
    }
    const auto mapping = loadMapping(m_workspace, m_savedMappings->itemText(index));
    if (!mapping)
        return;
    if (mapping->readerOptions) {
        if (const auto format = formatFromName(mapping->format))
            m_format->setCurrentIndex(m_format->findData(int(*format)));
        setOptionWidgets(*mapping->readerOptions);
    }
    if (!mapping->columns.empty())
        m_mapping->setMapping(*mapping);
    scheduleRefresh();
}

void ImportDialog::applySavedMapping(const QString &name)
{
    const int index = m_savedMappings->findText(name);
    if (index >= 0) {
        m_savedMappings->setCurrentIndex(index);
        applySavedMapping(index);
    }
}

void ImportDialog::setOptionWidgets(const ReaderOptions &options)
{
    m_handoffTool->setText(options.handoffTool);
    m_idFields->setText(options.idFields);
    m_customerField->setText(options.customerField);
    m_categoryField->setText(options.categoryField);
    if (options.startMsecs)
        m_start->setDateTime(QDateTime::fromMSecsSinceEpoch(*options.startMsecs, Qt::UTC));
    m_spacing->setValue(int(options.spacingSeconds / 60));
    m_aiAuthors->setText(options.aiAuthorIds.join(QStringLiteral(", ")));
    const QString from = options.categoryFrom;
    const int choice = from.startsWith(QLatin1String("tag-prefix:")) ? 1
                       : from.startsWith(QLatin1String("field:"))    ? 2
                                                                     : 0;
    m_categoryFrom->setCurrentIndex(choice);
    m_categoryArgument->setText(choice == 0 ? QString() : from.section(QLatin1Char(':'), 1));
    m_commentsFile->setText(options.commentsFile);
}

void ImportDialog::askForMappingName()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Mapping"), tr("Name of the mapping:"), QLineEdit::Normal,
                                               m_mapping->mapping().name, &ok);
    if (ok && !name.trimmed().isEmpty())
        saveMapping(name.trimmed());
}

void ImportDialog::saveMapping(const QString &name)
{
    const auto format = effectiveFormat().value_or(ImportFormat::Csv);
    ColumnMapping mapping;
    if (format == ImportFormat::Csv) {
        mapping = m_mapping->mapping();
    } else {
        mapping.format = formatName(format);
        mapping.readerOptions = request().readerOptions;
    }
    mapping.name = name;
    workbench::saveMapping(m_workspace, mapping, m_clock.nowUtc().toMSecsSinceEpoch());
    if (format == ImportFormat::Csv)
        m_mapping->setMapping(mapping);
    reloadSavedMappings();
    m_savedMappings->setCurrentText(name);
}

ImportDialog::~ImportDialog()
{
    if (m_previewTask)
        m_previewTask->waitForWorker();
}

ImportRequest ImportDialog::request() const
{
    ImportRequest request;
    request.files = m_conversationFiles;
    request.messagesFile = m_messageFiles.value(0);
    request.lenient = m_lenient->isChecked();
    request.format = effectiveFormat();
    if (request.format == ImportFormat::Csv)
        request.mapping = m_mapping->mapping();
    ReaderOptions &options = request.readerOptions;
    options.handoffTool =
        m_handoffTool->text().trimmed().isEmpty() ? options.handoffTool : m_handoffTool->text().trimmed();
    options.idFields = m_idFields->text().trimmed();
    options.customerField = m_customerField->text().trimmed();
    options.categoryField = m_categoryField->text().trimmed();
    options.startMsecs = m_start->dateTime().toMSecsSinceEpoch();
    options.spacingSeconds = qint64(m_spacing->value()) * 60;
    options.aiAuthorIds = m_aiAuthors->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &id : options.aiAuthorIds)
        id = id.trimmed();
    const QString from = m_categoryFrom->currentData().toString();
    options.categoryFrom = from == QLatin1String("tags") ? from : from + m_categoryArgument->text().trimmed();
    options.commentsFile = m_commentsFile->text().trimmed();
    return request;
}

void ImportDialog::scheduleRefresh()
{
    m_refreshTimer.start();
}

void ImportDialog::refreshPreview()
{
    m_refreshTimer.stop();
    const auto format = effectiveFormat();
    m_detected->setText(format ? tr("Reading as: %1").arg(formatTitle(*format)) : QString());
    switch (format.value_or(ImportFormat::Csv)) {
    case ImportFormat::Csv:
        m_options->setCurrentIndex(CsvPage);
        break;
    case ImportFormat::Jsonl:
        m_options->setCurrentIndex(JsonlPage);
        break;
    case ImportFormat::Chatlog:
        m_options->setCurrentIndex(ChatlogPage);
        break;
    case ImportFormat::Zendesk:
    case ImportFormat::Intercom:
        m_options->setCurrentIndex(HelpDeskPage);
        break;
    }
    // A CSV's mapping is proposed from its header once, then follows the user's edits.
    if (format == ImportFormat::Csv && !m_conversationFiles.isEmpty()) {
        try {
            const QStringList headers = readCsvHeader(m_conversationFiles.first());
            if (headers != m_mappedHeaders) {
                m_mappedHeaders = headers;
                const QSignalBlocker blocker(m_mapping);
                m_mapping->setHeaders(headers);
                m_mapping->setMapping(ColumnMapping::propose(headers));
            }
        } catch (const WorkbenchError &) {
            // The preview below says what is wrong with the file.
        }
    }
    // Reading the first records can mean parsing a whole JSON export: a worker does it, the last request wins.
    if (m_previewTask && m_previewTask->isRunning()) {
        m_previewPending = true;
        return;
    }
    m_previewPending = false;
    m_previewing = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_status->setText(tr("Reading the first rows…"));
    m_previewTask = runInBackground(
        this, [current = request()](TaskControl &) { return previewImport(current); },
        [this](TaskOutcome<ImportPreview> outcome) {
            ImportPreview preview = outcome.result.value_or(ImportPreview{});
            if (!outcome.error.isEmpty())
                preview.error = outcome.error;
            applyPreview(std::move(preview));
        });
}

void ImportDialog::applyPreview(ImportPreview preview)
{
    if (m_previewPending) { // asked again while reading: read afresh once this task no longer runs
        QMetaObject::invokeMethod(this, &ImportDialog::refreshPreview, Qt::QueuedConnection);
        return;
    }
    m_previewing = false;
    m_previewError = preview.error;
    const ColumnMapping mapping = m_mapping->mapping();
    const auto format = effectiveFormat();
    m_preview->setRecords(std::move(preview.records), [mapping, format](const QString &column) -> std::optional<Field> {
        if (format == ImportFormat::Csv) {
            for (const auto &[field, source] : mapping.columns) {
                if (source.compare(column, Qt::CaseInsensitive) == 0)
                    return field;
            }
        }
        return fieldFromName(column);
    });
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canImport());
    m_status->setText(previewStatus());
    Q_EMIT previewRefreshed();
}

QString ImportDialog::previewStatus() const
{
    if (m_conversationFiles.isEmpty() && m_messageFiles.isEmpty())
        return tr("Add the files to import: CSV, JSONL, chat logs, Zendesk or Intercom exports.");
    if (!m_previewError.isEmpty())
        return m_previewError;
    const int problems = m_preview->problemCount();
    if (problems == 0)
        return tr("The first %n row(s) read well.", nullptr, m_preview->rowCount());
    return m_lenient->isChecked()
               ? tr("%1 of the first %2 rows have problems (marked); they will be skipped and listed.")
                     .arg(problems)
                     .arg(m_preview->rowCount())
               : tr("%1 of the first %2 rows have problems (marked; point at a cell for why). Fix the mapping or the "
                    "file, "
                    "or skip bad rows.")
                     .arg(problems)
                     .arg(m_preview->rowCount());
}

bool ImportDialog::canImport() const
{
    if (m_previewing)
        return false;
    if (m_conversationFiles.isEmpty() && m_messageFiles.isEmpty())
        return false;
    if (!m_previewError.isEmpty())
        return false;
    return m_lenient->isChecked() || m_preview->problemCount() == 0;
}

} // namespace workbench::ui

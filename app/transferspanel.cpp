#include "transferspanel.h"

#include "appsettings.h"
#include "icons.h"
#include "transfercounter.h"
#include "transferitemdelegate.h"
#include "transfermanager.h"

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace lanchat {

TransfersPanel::TransfersPanel(TransferManager* transfers, AppSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_transfers(transfers)
    , m_settings(settings)
    , m_counter(new TransferCounter(transfers, this))
{
    setObjectName(QStringLiteral("transfersPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto* buttons = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("transfersSummary"));
    m_pause = new QPushButton(this);
    m_resume = new QPushButton(this);
    m_cancel = new QPushButton(this);
    m_retry = new QPushButton(this);
    m_retryAll = new QPushButton(this);
    m_openFolder = new QPushButton(this);
    buttons->addWidget(m_summary, 1);
    m_pause->setIcon(Icons::icon(QStringLiteral("pause")));
    m_resume->setIcon(Icons::icon(QStringLiteral("resume")));
    m_cancel->setIcon(Icons::icon(QStringLiteral("cancel")));
    m_retry->setIcon(Icons::icon(QStringLiteral("reconnect")));
    m_retryAll->setIcon(Icons::icon(QStringLiteral("reconnect")));
    m_openFolder->setIcon(Icons::icon(QStringLiteral("show-in-folder")));
    for (QPushButton* b : {m_pause, m_resume, m_cancel, m_retry, m_retryAll, m_openFolder}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    layout->addLayout(buttons);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("transfersTable"));
    m_table->setModel(m_transfers);
    m_table->setItemDelegate(new TransferItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 16);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(TransferManager::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TransferManager::ProgressColumn, QHeaderView::Interactive);
    header->resizeSection(TransferManager::ProgressColumn, 220);
    header->setSectionResizeMode(TransferManager::StateColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    connect(m_pause, &QPushButton::clicked, this, [this] { m_transfers->pause(selectedKey()); });
    connect(m_resume, &QPushButton::clicked, this, [this] { m_transfers->resume(selectedKey()); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_transfers->cancel(selectedKey()); });
    connect(m_retry, &QPushButton::clicked, this, [this] { m_transfers->retry(selectedKey()); });
    connect(m_retryAll, &QPushButton::clicked, m_transfers, &TransferManager::retryAllFailed);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        const QString dir = m_settings.downloadDirectory();
        QDir().mkpath(dir);
        QDesktopServices::openUrl(QUrl::fromLocalFile(dir));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TransfersPanel::updateActions);
    connect(m_transfers, &QAbstractItemModel::dataChanged, this, &TransfersPanel::updateActions);
    connect(m_counter, &TransferCounter::changed, this, &TransfersPanel::updateActions);
    retranslateUi();
}

void TransfersPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TransfersPanel::retranslateUi()
{
    m_pause->setText(tr("Pause"));
    m_resume->setText(tr("Resume"));
    m_cancel->setText(tr("Cancel"));
    m_retry->setText(tr("Retry"));
    m_retryAll->setText(tr("Retry all failed"));
    m_openFolder->setText(tr("Open download folder"));
    updateActions();
    m_table->viewport()->update();
}

int TransfersPanel::selectedKey() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().data(TransferManager::TransferKeyRole).toInt();
}

int TransfersPanel::selectedState() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().data(TransferManager::StateRole).toInt();
}

void TransfersPanel::updateActions()
{
    using State = TransferManager::State;
    const int state = selectedState();
    const bool active = state == int(State::Queued) || state == int(State::Hashing) || state == int(State::Running);
    m_pause->setEnabled(active);
    m_resume->setEnabled(state == int(State::Paused));
    m_cancel->setEnabled(active || state == int(State::Paused));
    m_retry->setEnabled(state == int(State::Failed) || state == int(State::Cancelled));
    m_retryAll->setEnabled(m_counter->failed() > 0);
    //: summary above the transfers table
    m_summary->setText(tr("%n active", nullptr, m_counter->active()) + QStringLiteral(" · ") +
                       tr("%n failed", nullptr, m_counter->failed()));
}

} // namespace lanchat

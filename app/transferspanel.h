#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace lanchat {

class AppSettings;
class TransferCounter;
class TransferManager;

/**
 * The transfers panel: every upload and download of the session in a QTableView over TransferManager
 * (progress bar, speed, remaining time, state with the failure reason) and the actions pause, resume,
 * cancel, retry, "retry all failed" and "open download folder".
 */
class TransfersPanel : public QWidget
{
    Q_OBJECT

public:
    TransfersPanel(TransferManager* transfers, AppSettings& settings, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    /** The counts the panel's summary shows; the status-bar button shows the same ones. */
    TransferCounter* counter() const { return m_counter; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateActions();
    int selectedKey() const;
    int selectedState() const;

    TransferManager* m_transfers;
    AppSettings& m_settings;
    TransferCounter* m_counter = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_retryAll = nullptr;
    QPushButton* m_openFolder = nullptr;
};

} // namespace lanchat

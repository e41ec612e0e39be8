// The screenshot tool's overlay, fed a known image instead of a screen grab: drag a region, mark it with a
// rectangle, an arrow and text, undo, and end with Send, Copy or Esc; the image handed out is the region in
// device pixels with the marks where they were drawn. Offscreen.

#include "captureoverlay.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QWidget>

using namespace lanchat;

Q_DECLARE_METATYPE(lanchat::CaptureOverlay::Action)

namespace {

// Every pixel tells where it was: red = x, green = y, blue = 128. Cropping errors show as wrong values.
QImage gradient(const QSize& size)
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y, qRgb(x % 256, y % 256, 128));
    }
    return image;
}

bool near(QRgb pixel, const QColor& color, int tolerance = 40)
{
    return qAbs(qRed(pixel) - color.red()) <= tolerance && qAbs(qGreen(pixel) - color.green()) <= tolerance &&
           qAbs(qBlue(pixel) - color.blue()) <= tolerance;
}

void drag(QWidget* widget, const QPoint& from, const QPoint& to)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, from);
    QTest::mouseMove(widget, (from + to) / 2);
    QTest::mouseMove(widget, to);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, to);
}

QToolButton* button(QWidget* overlay, const char* name)
{
    auto* b = overlay->findChild<QToolButton*>(QLatin1String(name));
    if (!b)
        qWarning("no button %s", name);
    return b;
}

} // namespace

class tst_Screenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sendGivesRegionWithMarks();
    void highDpiKeepsDevicePixels();
    void undoAndCopy();
    void textThenEnterDoesNotSend();
    void escapeCancels();
    void rightClickDropsRegionThenCancels();
};

void tst_Screenshot::initTestCase()
{
    qRegisterMetaType<CaptureOverlay::Action>();
}

void tst_Screenshot::sendGivesRegionWithMarks()
{
    const QImage screen = gradient(QSize(400, 300));
    CaptureOverlay overlay(screen);
    QCOMPARE(overlay.size(), QSize(400, 300));
    overlay.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overlay));
    QSignalSpy finished(&overlay, &CaptureOverlay::finished);

    drag(&overlay, QPoint(50, 40), QPoint(250, 190));
    QCOMPARE(overlay.selection(), QRect(50, 40, 200, 150));
    QWidget* toolbar = overlay.findChild<QWidget*>(QStringLiteral("screenshotToolbar"));
    QVERIFY(toolbar && toolbar->isVisible());

    QTest::mouseClick(button(&overlay, "rectangleTool"), Qt::LeftButton);
    drag(&overlay, QPoint(70, 60), QPoint(150, 120));
    QTest::mouseClick(button(&overlay, "arrowTool"), Qt::LeftButton);
    QCOMPARE(overlay.tool(), CaptureOverlay::Tool::Arrow);
    drag(&overlay, QPoint(160, 170), QPoint(230, 60));
    QCOMPARE(overlay.annotations().annotations().size(), 2);

    QTest::mouseClick(button(&overlay, "screenshotSendButton"), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<CaptureOverlay::Action>(), CaptureOverlay::Action::Send);
    const QImage image = finished.at(0).at(1).value<QImage>();
    QCOMPARE(image.size(), QSize(200, 150));
    const QColor red = overlay.color();
    // Unmarked pixels are the screen's, from the selected place.
    QCOMPARE(image.pixel(5, 5), screen.pixel(55, 45));
    QCOMPARE(image.pixel(60, 30), screen.pixel(110, 70)); // inside the rectangle: not filled
    // The rectangle (70,60)–(150,120) on screen is (20,20)–(100,80) in the image: its four sides are red.
    for (const QPoint p : {QPoint(20, 50), QPoint(100, 50), QPoint(60, 20), QPoint(60, 80)})
        QVERIFY2(near(image.pixel(p), red),
                 qPrintable(QStringLiteral("rectangle side at %1,%2").arg(p.x()).arg(p.y())));
    // The arrow (160,170)→(230,60) on screen is (110,130)→(180,20): its shaft and its filled head are red.
    QVERIFY(near(image.pixel(145, 75), red));
    QVERIFY(near(image.pixel(120, 114), red));
    QVERIFY(near(image.pixel(176, 28), red)); // inside the head, just behind the tip
    QVERIFY(!near(image.pixel(150, 120), red));
    // Send, Copy and Cancel end it once.
    QVERIFY(overlay.isHidden());
}

void tst_Screenshot::highDpiKeepsDevicePixels()
{
    // A 200 % screen: 800×600 device pixels shown as 400×300 logical ones.
    QImage screen = gradient(QSize(800, 600));
    screen.setDevicePixelRatio(2.0);
    CaptureOverlay overlay(screen);
    QCOMPARE(overlay.size(), QSize(400, 300));
    overlay.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overlay));
    drag(&overlay, QPoint(50, 40), QPoint(150, 140));
    drag(&overlay, QPoint(60, 50), QPoint(100, 90));
    const QImage image = overlay.result();
    QCOMPARE(image.size(), QSize(200, 200));
    QCOMPARE(image.devicePixelRatio(), 1.0);
    QCOMPARE(image.pixel(4, 4), screen.pixel(104, 84));
    // The rectangle's left side at logical x 60 → device x (60 − 50) × 2 = 20, 3 logical px = 6 device px wide.
    QVERIFY(near(image.pixel(20, 60), overlay.color()));
    QVERIFY(near(image.pixel(18, 60), overlay.color()));
    QVERIFY(near(image.pixel(22, 60), overlay.color()));
}

void tst_Screenshot::undoAndCopy()
{
    const QImage screen = gradient(QSize(300, 200));
    CaptureOverlay overlay(screen);
    overlay.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overlay));
    QSignalSpy finished(&overlay, &CaptureOverlay::finished);
    drag(&overlay, QPoint(10, 10), QPoint(210, 160));
    overlay.setColor(CaptureOverlay::colorChoices().at(3));
    drag(&overlay, QPoint(20, 20), QPoint(100, 100));
    drag(&overlay, QPoint(30, 120), QPoint(150, 120));
    QCOMPARE(overlay.annotations().annotations().size(), 2);
    QTest::keyClick(&overlay, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(overlay.annotations().annotations().size(), 1);
    QTest::mouseClick(button(&overlay, "undoButton"), Qt::LeftButton);
    QVERIFY(overlay.annotations().isEmpty());
    QTest::mouseClick(button(&overlay, "copyButton"), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<CaptureOverlay::Action>(), CaptureOverlay::Action::Copy);
    const QImage image = finished.at(0).at(1).value<QImage>();
    QCOMPARE(image.size(), QSize(200, 150));
    // Nothing drawn is left: the copy is the plain screen region.
    QCOMPARE(image.convertToFormat(QImage::Format_RGB32), screen.copy(10, 10, 200, 150));
}

void tst_Screenshot::textThenEnterDoesNotSend()
{
    CaptureOverlay overlay(gradient(QSize(300, 200)));
    overlay.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overlay));
    QSignalSpy finished(&overlay, &CaptureOverlay::finished);
    drag(&overlay, QPoint(10, 10), QPoint(290, 190));
    QTest::mouseClick(button(&overlay, "textTool"), Qt::LeftButton);
    QTest::mouseClick(&overlay, Qt::LeftButton, {}, QPoint(40, 60));
    auto* edit = overlay.findChild<QLineEdit*>(QStringLiteral("annotationText"));
    QVERIFY(edit);
    QTest::keyClicks(edit, QStringLiteral("Look here"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(overlay.annotations().annotations().size(), 1);
    QCOMPARE(overlay.annotations().annotations().first().text, QStringLiteral("Look here"));
    QCOMPARE(finished.count(), 0); // the Enter that ended the text is not a Send
    const QImage image = overlay.result();
    int marked = 0;
    for (int y = 50; y < 80; ++y) {
        for (int x = 30; x < 140; ++x)
            marked += near(image.pixel(x, y), overlay.color(), 20) ? 1 : 0;
    }
    QVERIFY2(marked > 40, qPrintable(QString::number(marked)));
    QTest::keyClick(&overlay, Qt::Key_Return);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<CaptureOverlay::Action>(), CaptureOverlay::Action::Send);
}

void tst_Screenshot::escapeCancels()
{
    CaptureOverlay overlay(gradient(QSize(300, 200)));
    overlay.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overlay));
    QSignalSpy finished(&overlay, &CaptureOverlay::finished);
    drag(&overlay, QPoint(10, 10), QPoint(110, 110));
    QTest::keyClick(&overlay, Qt::Key_Escape);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<CaptureOverlay::Action>(), CaptureOverlay::Action::Cancel);
    QVERIFY(finished.at(0).at(1).value<QImage>().isNull());
    QTest::keyClick(&overlay, Qt::Key_Escape);
    QCOMPARE(finished.count(), 1);
}

void tst_Screenshot::rightClickDropsRegionThenCancels()
{
    CaptureOverlay overlay(gradient(QSize(300, 200)));
    overlay.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overlay));
    QSignalSpy finished(&overlay, &CaptureOverlay::finished);
    drag(&overlay, QPoint(10, 10), QPoint(110, 110));
    QTest::mouseClick(&overlay, Qt::RightButton, {}, QPoint(50, 50));
    QVERIFY(overlay.selection().isEmpty());
    QCOMPARE(finished.count(), 0);
    QTest::mouseClick(&overlay, Qt::RightButton, {}, QPoint(50, 50));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<CaptureOverlay::Action>(), CaptureOverlay::Action::Cancel);
}

QTEST_MAIN(tst_Screenshot)
#include "tst_screenshot.moc"

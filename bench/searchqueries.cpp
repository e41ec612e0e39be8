#include "searchqueries.h"

#include <QElapsedTimer>

#include <algorithm>
#include <numeric>
#include <vector>

namespace lanchat::bench {

QList<SearchQueryKind> SearchQueries::kinds()
{
    // All from CorpusWords, from the most frequent to rarer ones, so a kind mixes queries with thousands of hits
    // and with few; "absent" is in no message, which costs an index the most (it must prove there is nothing).
    return {
        {QStringLiteral("q 1 zh"), QString::fromUtf8("会 的 报 项 客 部 测 发 库 签").split(QLatin1Char(' '))},
        {QStringLiteral("q 2 zh"),
         QString::fromUtf8("报告 会议 项目 客户 部署 开会 下午 测试 上线 发票").split(QLatin1Char(' '))},
        {QStringLiteral("q 3 zh"),
         QString::fromUtf8("服务器 数据库 会议室 打印机 测试环 供应商 公众号 笔记本 显示器 研发部")
             .split(QLatin1Char(' '))},
        {QStringLiteral("q en"), QStringLiteral("deploy report meeting budget staging review release customer "
                                                "invoice sprint")
                                     .split(QLatin1Char(' '))},
        {QStringLiteral("q mixed"),
         QString::fromUtf8("Q3 报告|deploy 上线|meeting 下午|api 接口|report 季度|server 部署|"
                           "test 测试|budget 预算|release 版本|review 代码")
             .split(QLatin1Char('|'))},
        {QStringLiteral("q absent"),
         QString::fromUtf8("火箭 量子 恐龙 熊猫 冰箱 银河 沙漠 鲸鱼 zebra quasar").split(QLatin1Char(' '))},
        {QStringLiteral("q 1conv 1 zh"), QString::fromUtf8("会 的 了 我 是 好 项 客 报 开").split(QLatin1Char(' ')),
         true},
    };
}

QList<RunResult> SearchQueries::time(const Search& search, UserId user, const QString& userLabel,
                                     ConversationId busiest, const QString& variant, int repetitions)
{
    QList<RunResult> rows;
    for (const SearchQueryKind& kind : kinds()) {
        RunResult row;
        row.scenario = kind.label + QLatin1Char(' ') + userLabel;
        row.variant = variant;
        row.unit = QStringLiteral("q/s");
        std::vector<qint64> samples;
        qint64 hits = 0;
        QString failure;
        QElapsedTimer clock;
        const ConversationId scope = kind.inBusiestConversation ? busiest : ConversationId();
        for (int rep = 0; rep < repetitions && failure.isEmpty(); ++rep) {
            for (const QString& query : kind.queries) {
                clock.start();
                QString why;
                const std::optional<int> found = search(user, scope, query, &why);
                samples.push_back(clock.nsecsElapsed());
                if (!found) {
                    failure = QStringLiteral("search \"%1\" failed: %2").arg(query, why);
                    break;
                }
                hits += *found;
            }
        }
        row.ok = failure.isEmpty() && !samples.empty();
        const qint64 total = std::accumulate(samples.begin(), samples.end(), qint64(0));
        std::sort(samples.begin(), samples.end());
        row.rate = total > 0 ? double(samples.size()) * 1e9 / double(total) : 0;
        row.p50 = percentileMs(samples, 50);
        row.p99 = percentileMs(samples, 99);
        row.p999 = percentileMs(samples, 99.9);
        row.maxMs = samples.empty() ? 0 : double(samples.back()) / 1e6;
        row.note = row.ok ? QStringLiteral("%1 calls, %2 hits/page")
                                .arg(samples.size())
                                .arg(double(hits) / double(samples.size()), 0, 'f', 1)
                          : failure;
        rows.append(row);
    }
    return rows;
}

} // namespace lanchat::bench

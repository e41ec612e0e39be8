#include "corpuswords.h"

#include <QRegularExpression>

namespace lanchat::bench {

namespace {

// Whitespace-separated, most frequent first. Written by hand from the vocabulary of Chinese office chat
// (meetings, reports, releases, customers, the day's logistics): function words and single characters lead,
// as they do in real text.
constexpr const char16_t* kChinese = uR"(
的 了 是 我 你 一下 在 好的 这个 我们 会议 没有 可以 项目 今天 问题 一起 大家 明天 下午
上午 报告 客户 需要 已经 还是 看看 现在 就 吗 呢 吧 那 都 也 要 有 去 说 做 开会 确认 时间
文档 发 收到 谢谢 辛苦 麻烦 请 同事 领导 部门 方案 进度 测试 上线 部署 版本 需求 设计 开发
代码 服务器 数据库 接口 系统 功能 用户 产品 市场 销售 合同 预算 财务 季度 年度 周报 月报 总结
计划 目标 任务 安排 通知 会议室 邮件 电话 微信 附件 表格 截图 链接 地址 群里 私聊 回复 处理
解决 修改 更新 提交 审核 审批 签字 盖章 报销 发票 出差 请假 加班 调休 值班 培训 面试 入职 离职
考勤 工资 绩效 评估 反馈 意见 建议 讨论 沟通 协调 对接 跟进 推进 落实 执行 检查 验收 交付 发布
回滚 故障 告警 日志 监控 备份 恢复 迁移 升级 配置 权限 账号 密码 登录 网络 打印机 投影仪 电脑
笔记本 显示器 键盘 鼠标 会 开 写 看 改 发给 提醒 记得 尽快 马上 稍等 等一下 一会儿 下周 上周 本周
周一 周二 周三 周四 周五 周末 月底 月初 年底 早上 中午 晚上 点 分钟 小时 天 周 月 年 号 第一 第二
最后 之前 之后 以后 然后 所以 因为 但是 如果 虽然 而且 或者 还有 另外 其他 所有 每个 一些 很多
不少 几个 哪个 什么 怎么 为什么 多少 是否 能否 应该 必须 可能 也许 肯定 当然 其实 确实 真的 非常
比较 特别 主要 重要 紧急 优先 简单 复杂 清楚 明白 知道 了解 理解 同意 支持 负责 参加 参与 邀请
准备 整理 汇总 统计 分析 数据 指标 增长 下降 完成 延期 风险 成本 收入 利润 报价 采购 供应商
合作 伙伴 渠道 推广 活动 方案书 策划 海报 官网 公众号 直播 客服 投诉 售后 退款 订单 物流 库存
仓库 发货 样品 质量 标准 流程 制度 规范 模板 格式 说明 手册 培训课 课程 考试 证书 奖金 年会 团建
聚餐 午饭 咖啡 奶茶 外卖 快递 打车 停车 地铁 高铁 机票 酒店 会场 签到 名单 座位 议程 纪要 记录
录音 视频 会议纪要 工作日 节假日 春节 国庆 中秋 元旦 北京 上海 深圳 广州 杭州 成都 总部 分公司
办公室 前台 行政 人事 法务 研发部 运维 安全 漏洞 补丁 性能 优化 重构 评审 排期 里程碑 迭代 冲刺
看板 工单 缺陷 用例 环境 生产环境 测试环境 预发布 灰度 全量 服务 集群 节点 容器 镜像 磁盘 内存
带宽 延迟 吞吐 压测 基准 指南 季度报告 年终总结 项目计划 需求文档 技术方案 周会 例会 站会 复盘
客户端 服务端 移动端 网页 小程序 应用 图标 界面 体验 交互 原型 设计稿 切图 字体 颜色 布局 按钮
弹窗 菜单 搜索 聊天 消息 群聊 通讯录 联系人 张三 李四 王五 赵六 小明 小红 老王 老李 王总 李总
张经理 刘主任 陈工 杨老师 黄姐 周哥 吴总监 孙助理 数据中心 机房 防火墙 交换机 路由器 域名 证书链
)";

constexpr const char16_t* kEnglish = uR"(
the to and a is of for on in it we this i you meeting please ok thanks will can be have with at
report deploy deployment release build server client update check review team project today tomorrow
status issue fix bug test tests customer email call doc docs draft final version plan schedule budget
sales quarter q3 q4 q1 q2 kpi api database backup config login password network printer laptop
monitor office room sync standup demo feedback approve approved merge branch commit pipeline ci
staging production rollback hotfix patch ticket jira confluence wiki slide slides deck agenda notes
minutes summary deadline friday monday tuesday wednesday thursday weekend morning afternoon lunch
coffee invoice contract vendor partner launch campaign marketing design mockup prototype ux ui
feature requirement spec estimate sprint backlog roadmap milestone retro okr headcount interview
onboarding training leave holiday travel hotel flight taxi expense reimbursement approval sign
signed attached attachment link shared folder drive upload download file files latency throughput
benchmark performance memory cpu disk cluster node docker kubernetes container image alert alerts
incident outage postmortem on-call escalation priority urgent asap eod fyi lgtm wip blocked done
pending scheduled cancelled postponed moved confirmed available busy online offline remote onsite
)";

constexpr const char16_t* kFileStems = uR"(
季度报告 会议纪要 项目计划 需求文档 技术方案 周报 月报 年终总结 预算表 报价单 合同 发票 考勤表
培训资料 产品手册 设计稿 测试报告 上线清单 客户名单 销售数据 Q3_report meeting-notes roadmap
budget invoice contract design-review test-plan release-notes architecture onboarding org-chart
screenshot log dump backup export data sales-forecast kpi-dashboard
)";

constexpr const char16_t* kExtensions = u"pdf docx xlsx pptx png jpg zip txt csv log md";

constexpr const char16_t* kPunctuation = u"， 。 ？ ！ ～ ： 、 ！！ 。。。 ? ! , .";

QStringList words(const char16_t* text)
{
    return QString::fromUtf16(text).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

} // namespace

const QStringList& CorpusWords::chinese()
{
    static const QStringList list = words(kChinese);
    return list;
}

const QStringList& CorpusWords::english()
{
    static const QStringList list = words(kEnglish);
    return list;
}

const QStringList& CorpusWords::fileStems()
{
    static const QStringList list = words(kFileStems);
    return list;
}

const QStringList& CorpusWords::fileExtensions()
{
    static const QStringList list = words(kExtensions);
    return list;
}

const QStringList& CorpusWords::chinesePunctuation()
{
    static const QStringList list = words(kPunctuation);
    return list;
}

} // namespace lanchat::bench

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[选项]</translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>显示命令行选项的帮助。</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>显示帮助，包括 Qt 特有的选项。</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>显示版本信息。</translation>
    </message>
    <message>
        <source>Unknown option '%1'.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>未知选项：%1。</translation>
    </message>
    <message>
        <source>Missing value after '%1'.</source>
        <translation>“%1”后缺少值。</translation>
    </message>
    <message>
        <source>Unexpected value after '%1'.</source>
        <translation>“%1”后不应有值。</translation>
    </message>
</context>
<context>
    <name>lanchat::AdminContext</name>
    <message>
        <source>(server not running: the change applies at its next start)</source>
        <translation>（服务器未运行：更改将在其下次启动时生效）</translation>
    </message>
    <message>
        <source>Data directory (default: the same as serve's, or data_dir of --config).</source>
        <translation>数据目录（默认：与 serve 相同，或 --config 中的 data_dir）。</translation>
    </message>
    <message>
        <source>INI configuration file (as for serve).</source>
        <translation>INI 配置文件（与 serve 相同）。</translation>
    </message>
    <message>
        <source>Also print info log lines (database opened, migrated …).</source>
        <translation>同时输出 info 级别的日志（数据库已打开、已迁移……）。</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>无法创建数据目录 %1</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <extracomment>%1 is the database file, %2 the reason (from SQLite, in English)</extracomment>
        <translation>无法打开 %1：%2</translation>
    </message>
</context>
<context>
    <name>lanchat::AuditCommand</name>
    <message>
        <source>no recalled or edited messages</source>
        <translation>没有被撤回或编辑的消息</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>BY</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>CONVERSATION</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>SEQ</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>SENDER</source>
        <translation>发送者</translation>
    </message>
    <message>
        <source>ORIGINAL</source>
        <translation>原始内容</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Show the originals of recalled and edited messages.</source>
        <translation>显示被撤回和被编辑消息的原始内容。</translation>
    </message>
    <message>
        <source>Only this conversation (its id).</source>
        <translation>只看这个会话（填会话 ID）。</translation>
    </message>
    <message>
        <source>Only actions on or after DATE (ISO 8601, local time).</source>
        <translation>只看 DATE 当天及之后的操作（ISO 8601，本地时间）。</translation>
    </message>
    <message>
        <source>Export format: csv or json.</source>
        <translation>导出格式：csv 或 json。</translation>
    </message>
    <message>
        <source>list or export.</source>
        <translation>list 或 export。</translation>
    </message>
    <message>
        <source>usage: audit list|export [--format csv|json] (see audit --help)</source>
        <extracomment>the words after "usage:" are commands and options: keep them as they are</extracomment>
        <translation>用法：audit list|export [--format csv|json]（见 audit --help）</translation>
    </message>
    <message>
        <source>--conversation takes an id and --since a date such as 2026-12-01</source>
        <translation>--conversation 需要会话 ID，--since 需要日期，例如 2026-12-01</translation>
    </message>
</context>
<context>
    <name>lanchat::BackupCommand</name>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 不是文件</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database</source>
        <translation>%1 不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>%1 fails the integrity check: %2</source>
        <extracomment>%2 is SQLite's own (English) report</extracomment>
        <translation>%1 未通过完整性检查：%2</translation>
    </message>
    <message>
        <source>%1 is not a LanChat database of schema 1..%2</source>
        <translation>%1 不是架构版本为 1..%2 的 LanChat 数据库</translation>
    </message>
    <message>
        <source>%1 has no users table</source>
        <translation>%1 中没有 users 表</translation>
    </message>
    <message>
        <source>Write a consistent copy of the database to FILE (a new file); safe while the server runs.</source>
        <translation>将数据库的一致性副本写入 FILE（须为新文件）；服务器运行时也可安全执行。</translation>
    </message>
    <message>
        <source>The backup to write.</source>
        <translation>要写入的备份文件。</translation>
    </message>
    <message>
        <source>%1 exists: choose a new file name</source>
        <translation>%1 已存在：请换一个新文件名</translation>
    </message>
    <message>
        <source>no database at %1</source>
        <translation>%1 处没有数据库</translation>
    </message>
    <message>
        <source>backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>backup written to %1 (%2 bytes)</source>
        <translation>备份已写入 %1（%2 字节）</translation>
    </message>
    <message>
        <source>Replace the database by the backup FILE. Stop the server first; the replaced database is kept next to it.</source>
        <translation>用备份文件 FILE 替换数据库。请先停止服务器；被替换的数据库会另存一份在同一目录中。</translation>
    </message>
    <message>
        <source>A backup written by `backup`.</source>
        <translation>由 `backup` 写出的备份文件。</translation>
    </message>
    <message>
        <source>the server is running on %1: stop it first (systemctl stop lanchat-server)</source>
        <translation>服务器正在使用 %1 运行：请先停止服务器（systemctl stop lanchat-server）</translation>
    </message>
    <message>
        <source>cannot keep a copy of the current database: %1</source>
        <translation>无法保留当前数据库的副本：%1</translation>
    </message>
    <message>
        <source>current database kept as %1</source>
        <translation>当前数据库已另存为 %1</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>无法将 %1 复制到 %2</translation>
    </message>
    <message>
        <source>cannot give %1 to the owner of %2</source>
        <translation>无法将 %1 的所有者改为 %2 的所有者</translation>
    </message>
    <message>
        <source>database restored from %1</source>
        <translation>已从 %1 恢复数据库</translation>
    </message>
</context>
<context>
    <name>lanchat::BroadcastCommand</name>
    <message>
        <source>the first broadcast creates the group '%1': name its owner with --owner USER</source>
        <translation>首次广播会创建群组“%1”：请用 --owner USER 指定群主</translation>
    </message>
    <message>
        <source>no user '%1'</source>
        <translation>没有用户“%1”</translation>
    </message>
    <message>
        <source>cannot create the group</source>
        <translation>无法创建群组</translation>
    </message>
    <message>
        <source>the server could not post the notice: %1</source>
        <extracomment>%1 is the server's (English) reason</extracomment>
        <translation>服务器无法发布公告：%1</translation>
    </message>
    <message numerus="yes">
        <source>notice posted (seq %1) and pushed to %n user(s) online</source>
        <extracomment>%1 is the message's sequence number</extracomment>
        <translation>
            <numerusform>公告已发布（序号 %1），已推送给 %n 位在线用户</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot store the notice</source>
        <translation>无法保存公告</translation>
    </message>
    <message>
        <source>notice stored (seq %1); server not running: users get it at their next sync</source>
        <translation>公告已保存（序号 %1）；服务器未运行：用户将在下次同步时收到</translation>
    </message>
    <message>
        <source>Post a system notice to everyone, in the group '%1'.</source>
        <translation>在群组“%1”中向所有人发布系统公告。</translation>
    </message>
    <message>
        <source>Owner of the group when the first broadcast creates it.</source>
        <translation>首次广播创建该群组时的群主。</translation>
    </message>
    <message>
        <source>The notice (quote it).</source>
        <translation>公告内容（请加引号）。</translation>
    </message>
    <message>
        <source>the text must have 1 byte to 64 KiB</source>
        <translation>公告内容须为 1 字节到 64 KiB</translation>
    </message>
    <message>
        <source>cannot add the accounts to the group</source>
        <translation>无法将账号加入该群组</translation>
    </message>
</context>
<context>
    <name>lanchat::CheckCommand</name>
    <message>
        <source>orphan record: blob %1 has no file</source>
        <translation>孤立记录：文件对象 %1 没有对应的文件</translation>
    </message>
    <message>
        <source>wrong size: %1 has %2 bytes, recorded %3</source>
        <translation>大小不符：%1 有 %2 字节，记录为 %3 字节</translation>
    </message>
    <message>
        <source>corrupt blob: %1 does not hash to its name</source>
        <translation>文件对象已损坏：%1 的哈希值与文件名不符</translation>
    </message>
    <message>
        <source>orphan file: %1 has no upload record</source>
        <translation>孤立文件：%1 没有对应的上传记录</translation>
    </message>
    <message>
        <source>orphan file: %1 has no blob record</source>
        <translation>孤立文件：%1 没有对应的文件记录</translation>
    </message>
    <message>
        <source>Check the database and the file store; lists every problem, exit code 1 when there is any.</source>
        <translation>检查数据库和文件存储区；列出每个问题，有问题时退出码为 1。</translation>
    </message>
    <message>
        <source>no database at %1</source>
        <translation>%1 处没有数据库</translation>
    </message>
    <message numerus="yes">
        <source>check: ok (database and %n file(s))</source>
        <translation>
            <numerusform>检查：正常（数据库和 %n 个文件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>check: %n problem(s)</source>
        <translation>
            <numerusform>检查：发现 %n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::CsvReader</name>
    <message>
        <source>a quoted field is not closed</source>
        <translation>带引号的字段没有结束引号</translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation>字段的结束引号后还有文字</translation>
    </message>
    <message>
        <source>a quote inside an unquoted field (quote the whole field and double it)</source>
        <translation>未加引号的字段中有引号（请给整个字段加引号，并把其中的引号写两遍）</translation>
    </message>
</context>
<context>
    <name>lanchat::DepartmentPath</name>
    <message>
        <source>invalid department path '%1' (each name 1-64 characters, separated by /)</source>
        <translation>部门路径“%1”无效（每级名称 1-64 个字符，以 / 分隔）</translation>
    </message>
    <message>
        <source>department path '%1' is deeper than %2 levels</source>
        <translation>部门路径“%1”超过 %2 级</translation>
    </message>
</context>
<context>
    <name>lanchat::DeptCommand</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>MANAGER</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>PEOPLE</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>give a department path</source>
        <translation>请给出部门路径</translation>
    </message>
    <message>
        <source>no department '%1'</source>
        <translation>没有部门“%1”</translation>
    </message>
    <message>
        <source>department '%1' exists</source>
        <translation>部门“%1”已存在</translation>
    </message>
    <message>
        <source>at most %1 departments</source>
        <translation>最多 %1 个部门</translation>
    </message>
    <message>
        <source>cannot add department '%1'</source>
        <translation>无法添加部门“%1”</translation>
    </message>
    <message>
        <source>department '%1' added</source>
        <translation>已添加部门“%1”</translation>
    </message>
    <message>
        <source>department '%1' has sub-departments or people: move or empty it first</source>
        <translation>部门“%1”还有下级部门或人员：请先移走或清空</translation>
    </message>
    <message>
        <source>department '%1' deleted</source>
        <translation>已删除部门“%1”</translation>
    </message>
    <message>
        <source>invalid department name (1-64 characters, no /)</source>
        <translation>部门名称无效（1-64 个字符，不能含 /）</translation>
    </message>
    <message>
        <source>cannot rename '%1' (is the name taken?)</source>
        <translation>无法重命名“%1”（名称是否已被使用？）</translation>
    </message>
    <message>
        <source>department '%1' renamed to '%2'</source>
        <translation>部门“%1”已重命名为“%2”</translation>
    </message>
    <message>
        <source>cannot move '%1' into itself or one of its sub-departments</source>
        <translation>不能把“%1”移到它自己或它的下级部门下</translation>
    </message>
    <message>
        <source>cannot move '%1' (is the name taken there?)</source>
        <translation>无法移动“%1”（目标位置是否已有同名部门？）</translation>
    </message>
    <message>
        <source>department '%1' moved to '%2'</source>
        <translation>部门“%1”已移到“%2”</translation>
    </message>
    <message>
        <source>no user '%1'</source>
        <translation>没有用户“%1”</translation>
    </message>
    <message>
        <source>cannot set the manager of '%1'</source>
        <translation>无法设置“%1”的负责人</translation>
    </message>
    <message>
        <source>department '%1' has no manager now</source>
        <translation>部门“%1”现在没有负责人</translation>
    </message>
    <message>
        <source>'%1' manages '%2' now</source>
        <translation>“%1”现在负责“%2”</translation>
    </message>
    <message>
        <source>no server is running: clients see the change when they next log in</source>
        <translation>服务器未运行：客户端下次登录时看到变更</translation>
    </message>
    <message>
        <source>Manage the department directory.</source>
        <translation>管理组织架构（部门目录）。</translation>
    </message>
    <message>
        <source>list, add, rename, move, manager or delete.</source>
        <translation>list、add、rename、move、manager 或 delete。</translation>
    </message>
    <message>
        <source>usage: dept list|add|rename|move|manager|delete (see dept --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation>用法：dept list|add|rename|move|manager|delete（见 dept --help）</translation>
    </message>
    <message>
        <source>Place an account in the directory.</source>
        <translation>设置账号所在部门和职务。</translation>
    </message>
    <message>
        <source>Department path (/ for none).</source>
        <translation>部门路径（/ 表示无部门）。</translation>
    </message>
    <message>
        <source>Job title (empty for none).</source>
        <translation>职务（留空表示无）。</translation>
    </message>
    <message>
        <source>give --dept and/or --title</source>
        <translation>请给出 --dept 和/或 --title</translation>
    </message>
    <message>
        <source>the title is longer than %1 characters</source>
        <translation>职务超过 %1 个字符</translation>
    </message>
    <message>
        <source>no department '%1' (add it with dept add)</source>
        <translation>没有部门“%1”（请先用 dept add 添加）</translation>
    </message>
    <message>
        <source>cannot change the account '%1'</source>
        <translation>无法修改账号“%1”</translation>
    </message>
    <message>
        <source>'%1': department '%2', title '%3'</source>
        <extracomment>%1 username, %2 department path, %3 title</extracomment>
        <translation>“%1”：部门“%2”，职务“%3”</translation>
    </message>
</context>
<context>
    <name>lanchat::DeviceTokenCommand</name>
    <message>
        <source>no device of '%1' stays logged in</source>
        <translation>“%1”没有保持登录的设备</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>DEVICE</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>LAST USED (UTC)</source>
        <translation>最近使用（UTC）</translation>
    </message>
    <message>
        <source>cannot change the account '%1'</source>
        <translation>无法修改账号“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) of '%1' must log in with the password again</source>
        <translation>
            <numerusform>“%1”的 %n 台设备须重新用密码登录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::GroupCommand</name>
    <message>
        <source>several groups are named '%1': use the id</source>
        <translation>有多个群组名为“%1”：请使用 ID</translation>
    </message>
    <message>
        <source>no group '%1'</source>
        <translation>没有群组“%1”</translation>
    </message>
    <message>
        <source>no user '%1'</source>
        <translation>没有用户“%1”</translation>
    </message>
    <message>
        <source>a group name has 1-64 characters</source>
        <translation>群组名称须为 1-64 个字符</translation>
    </message>
    <message>
        <source>cannot create the group</source>
        <translation>无法创建群组</translation>
    </message>
    <message>
        <source>group '%1' created (id %2)</source>
        <translation>已创建群组“%1”（ID %2）</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>群主</translation>
    </message>
    <message>
        <source>MEMBERS</source>
        <extracomment>column header: the number of members</extracomment>
        <translation>成员数</translation>
    </message>
    <message>
        <source>%1 (owner)</source>
        <translation>%1（群主）</translation>
    </message>
    <message>
        <source>cannot delete the group</source>
        <translation>无法删除群组</translation>
    </message>
    <message>
        <source>group '%1' deleted</source>
        <translation>已删除群组“%1”</translation>
    </message>
    <message>
        <source>cannot add '%1' (already a member?)</source>
        <translation>无法添加“%1”（已经是成员？）</translation>
    </message>
    <message>
        <source>cannot remove '%1' (not a member?)</source>
        <translation>无法移除“%1”（不是成员？）</translation>
    </message>
    <message>
        <source>'%1' added to group '%2'</source>
        <translation>已将“%1”加入群组“%2”</translation>
    </message>
    <message>
        <source>'%1' removed from group '%2'</source>
        <translation>已将“%1”移出群组“%2”</translation>
    </message>
    <message>
        <source>Manage groups. GROUP is an id or a unique name.</source>
        <translation>管理群组。GROUP 为群组 ID 或唯一的群组名称。</translation>
    </message>
    <message>
        <source>list, create, members, add, remove or delete.</source>
        <translation>list、create、members、add、remove 或 delete。</translation>
    </message>
    <message>
        <source>usage: group list|create|members|add|remove|delete (see group --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation>用法：group list|create|members|add|remove|delete（参见 group --help）</translation>
    </message>
    <message>
        <source>%1 (admin)</source>
        <extracomment>a group admin in `group members` (appointed by the owner in the app)</extracomment>
        <translation>%1（管理员）</translation>
    </message>
</context>
<context>
    <name>lanchat::ImportCommand</name>
    <message>
        <source>Create or update accounts and departments from a CSV file (header: username, display_name, department, title, phone, email, password; see docs/admin.md).</source>
        <translation>从 CSV 文件创建或更新账号和部门（表头：username、display_name、department、title、phone、email、password；见 docs/admin.md）。</translation>
    </message>
    <message>
        <source>Only check the file; change nothing.</source>
        <translation>只检查文件，不做任何修改。</translation>
    </message>
    <message>
        <source>The CSV file (UTF-8).</source>
        <translation>CSV 文件（UTF-8）。</translation>
    </message>
    <message>
        <source>cannot read '%1': %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>%1: %2; nothing was imported</source>
        <translation>%1：%2；未导入任何内容</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) checked, the file can be imported</source>
        <translation>
            <numerusform>已检查 %n 个账号，文件可以导入</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>imported: %1 created, %2 updated, %3 unchanged; %4 department(s) created</source>
        <extracomment>%1 created, %2 updated, %3 unchanged accounts, %4 departments created</extracomment>
        <translation>已导入：新建 %1 个，更新 %2 个，未变 %3 个；新建部门 %4 个</translation>
    </message>
    <message numerus="yes">
        <source>%n new account(s) without a password cannot log in until one is set (user passwd)</source>
        <translation>
            <numerusform>%n 个新账号没有密码，设置密码（user passwd）之前无法登录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::LdapCommand</name>
    <message>
        <source>found</source>
        <translation>已找到</translation></message>
    <message>
        <source>no such user under base_dn (or more than one match)</source>
        <translation>base_dn 下没有此用户（或匹配到多个条目）</translation></message>
    <message>
        <source>wrong password</source>
        <translation>密码错误</translation></message>
    <message>
        <source>the directory cannot be reached</source>
        <translation>无法连接目录服务器</translation></message>
    <message>
        <source>'%1': %2 (%3)</source>
        <extracomment>%1 the user, %2 what went wrong, %3 detail from the directory (English)</extracomment>
        <translation>“%1”：%2（%3）</translation></message>
    <message>
        <source>DN:           %1</source>
        <translation>DN：      %1</translation></message>
    <message>
        <source>username:     %1</source>
        <translation>用户名：  %1</translation></message>
    <message>
        <source>display name: %1</source>
        <translation>显示名称：%1</translation></message>
    <message>
        <source>password:     correct</source>
        <translation>密码：    正确</translation></message>
    <message>
        <source>the directory cannot be reached (%1); nothing changed</source>
        <translation>无法连接目录服务器（%1）；未做任何更改</translation></message>
    <message>
        <source>the directory returned no users; nothing changed (check base_dn and user_filter)</source>
        <translation>目录没有返回任何用户；未做任何更改（请检查 base_dn 和 user_filter）</translation></message>
    <message>
        <source>would be created: %1 (%2)</source>
        <extracomment>%1 the username, %2 the display name</extracomment>
        <translation>将创建：%1（%2）</translation></message>
    <message>
        <source>created: %1 (%2)</source>
        <translation>已创建：%1（%2）</translation></message>
    <message>
        <source>would be updated: %1 (%2, %3)</source>
        <extracomment>%1 the username, %2 the display name, %3 the DN</extracomment>
        <translation>将更新：%1（%2，%3）</translation></message>
    <message>
        <source>updated: %1 (%2, %3)</source>
        <translation>已更新：%1（%2，%3）</translation></message>
    <message>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation></message>
    <message>
        <source>would be disabled: %1 (%2 is no longer in the directory)</source>
        <extracomment>%1 the username, %2 the DN</extracomment>
        <translation>将停用：%1（%2 已不在目录中）</translation></message>
    <message>
        <source>disabled: %1 (%2 is no longer in the directory)</source>
        <translation>已停用：%1（%2 已不在目录中）</translation></message>
    <message numerus="yes">
        <source>%n change(s) planned, nothing changed (dry run)</source>
        <translation>
            <numerusform>计划 %n 项更改，未做任何更改（演练）</numerusform>
        </translation></message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 项更改</numerusform>
        </translation></message>
    <message>
        <source>Check and synchronise the accounts of the LDAP / Active Directory directory.</source>
        <translation>检查并同步 LDAP / Active Directory 目录中的账号。</translation></message>
    <message>
        <source>Also check the password read from the first line of stdin.</source>
        <translation>同时检查从标准输入第一行读取的密码。</translation></message>
    <message>
        <source>Print the changes without making them.</source>
        <translation>只列出更改，不实际执行。</translation></message>
    <message>
        <source>test or sync.</source>
        <translation>test 或 sync。</translation></message>
    <message>
        <source>usage: ldap test USER | ldap sync [--dry-run] (see ldap --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation>用法：ldap test USER | ldap sync [--dry-run]（参见 ldap --help）</translation></message>
    <message>
        <source>LDAP is not enabled in the configuration file ([ldap] enabled=true)</source>
        <translation>配置文件中未启用 LDAP（[ldap] enabled=true）</translation></message>
    <message>
        <source>e-mail:       %1</source>
        <translation>邮箱：    %1</translation>
    </message>
    <message>
        <source>phone:        %1</source>
        <translation>电话：    %1</translation>
    </message>
    <message>
        <source>title:        %1</source>
        <translation>职务：    %1</translation>
    </message>
    <message>
        <source>department:   %1</source>
        <translation>部门：    %1</translation>
    </message>
    <message numerus="yes">
        <source>photo:        %n byte(s)</source>
        <extracomment>%n the size of the directory's photo</extracomment>
        <translation>
            <numerusform>照片：    %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>would be updated: %1 (%2, %3): %4</source>
        <extracomment>%1 the username, %2 the display name, %3 the DN, %4 the fields (display_name, email, phone, photo, title, department: keep these words as they are)</extracomment>
        <translation>将更新：%1（%2，%3）：%4</translation>
    </message>
    <message>
        <source>updated: %1 (%2, %3): %4</source>
        <translation>已更新：%1（%2，%3）：%4</translation>
    </message>
    <message>
        <source>note: %1: %2</source>
        <extracomment>%1 the username, %2 what was left alone and why (English, from the server)</extracomment>
        <translation>提示：%1：%2</translation>
    </message>
    <message>
        <source>cannot write the database</source>
        <translation>无法写入数据库</translation>
    </message>
    <message>
        <source>%1; nothing changed</source>
        <translation>%1；未做任何更改</translation>
    </message>
</context>
<context>
    <name>lanchat::LdapConfig</name>
    <message>
        <source>ldap/%1: expected true or false, got '%2'</source>
        <extracomment>%1 is a config key, %2 the value found</extracomment>
        <translation>ldap/%1：应为 true 或 false，实际为“%2”</translation></message>
    <message>
        <source>ldap/%1: expected an integer in %2..%3, got '%4'</source>
        <extracomment>%1 is a config key, %2..%3 the allowed range, %4 the value found</extracomment>
        <translation>ldap/%1：应为 %2..%3 之间的整数，实际为“%4”</translation></message>
    <message>
        <source>ldap/preset: expected openldap or ad, got '%1'</source>
        <extracomment>openldap and ad are typed as they are</extracomment>
        <translation>ldap/preset：应为 openldap 或 ad，实际为“%1”</translation></message>
    <message>
        <source>ldap/order: expected local,ldap or ldap,local, got '%1'</source>
        <extracomment>local,ldap and ldap,local are typed as they are</extracomment>
        <translation>ldap/order：应为 local,ldap 或 ldap,local，实际为“%1”</translation></message>
    <message>
        <source>ldap: enabled=true needs url and base_dn</source>
        <translation>ldap：enabled=true 时必须设置 url 和 base_dn</translation></message>
    <message>
        <source>ldap/user_filter: needs %u where the login name goes</source>
        <translation>ldap/user_filter：需要在登录名的位置写 %u</translation></message>
    <message>
        <source>ldap/url: ldap:// without start_tls sends passwords in clear text; use ldaps://, start_tls=true, or allow_plaintext=true</source>
        <translation>ldap/url：不带 start_tls 的 ldap:// 会以明文传送密码；请使用 ldaps://、start_tls=true，或设置 allow_plaintext=true</translation></message>
    <message>
        <source>ldap/bind_password_file: cannot read %1</source>
        <translation>ldap/bind_password_file：无法读取 %1</translation></message>
    <message>
        <source>ldap/department_from: expected dn, attribute or none, got '%1'</source>
        <extracomment>dn, attribute and none are typed as they are</extracomment>
        <translation>ldap/department_from：应为 dn、attribute 或 none，实际为“%1”</translation>
    </message>
</context>
<context>
    <name>lanchat::MessageCommand</name>
    <message>
        <source>message %1 recalled</source>
        <extracomment>%1 is the sequence number of the recalled message</extracomment>
        <translation>消息 %1 已撤回</translation>
    </message>
    <message>
        <source>cannot store the recall</source>
        <translation>无法保存撤回</translation>
    </message>
    <message>
        <source>Recall a message as the administrator.</source>
        <translation>以管理员身份撤回一条消息。</translation>
    </message>
    <message>
        <source>recall.</source>
        <translation>recall。</translation>
    </message>
    <message>
        <source>usage: message recall CONVERSATION SEQ (see message --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation>用法：message recall CONVERSATION SEQ（见 message --help）</translation>
    </message>
    <message>
        <source>no message %1 in conversation %2</source>
        <translation>会话 %2 中没有消息 %1</translation>
    </message>
    <message>
        <source>message %1 is already recalled</source>
        <translation>消息 %1 已被撤回</translation>
    </message>
    <message>
        <source>the server could not recall it: %1</source>
        <extracomment>%1 is the server's (English) reason</extracomment>
        <translation>服务器无法撤回该消息：%1</translation>
    </message>
</context>
<context>
    <name>lanchat::NameLockCommand</name>
    <message>
        <source>cannot change the account '%1'</source>
        <translation>无法修改账户“%1”</translation>
    </message>
    <message>
        <source>display name of '%1' locked (%2)</source>
        <extracomment>%1 a username, %2 the display name</extracomment>
        <translation>已锁定“%1”的显示名称（%2）</translation>
    </message>
    <message>
        <source>display name of '%1' unlocked (%2)</source>
        <translation>已解锁“%1”的显示名称（%2）</translation>
    </message>
</context>
<context>
    <name>lanchat::NoticeCommand</name>
    <message>
        <source>post: to every enabled account.</source>
        <translation>post：发给所有已启用的账号。</translation></message>
    <message>
        <source>post: to the members of group ID.</source>
        <translation>post：发给群组 ID 的成员。</translation></message>
    <message>
        <source>post: to the people of department PATH and its sub-departments (repeatable).</source>
        <translation>post：发给部门 PATH 及其下级部门的人员（可重复）。</translation></message>
    <message>
        <source>post: recipients must acknowledge it.</source>
        <translation>post：接收者须确认已读。</translation></message>
    <message>
        <source>status: write CSV to stdout.</source>
        <translation>status：以 CSV 格式输出到标准输出。</translation></message>
    <message>
        <source>server not running: recipients get it at their next login</source>
        <translation>服务器未运行：接收者将在下次登录时收到</translation></message>
    <message numerus="yes">
        <source>pushed to %n recipient(s) online</source>
        <translation>
            <numerusform>已推送给 %n 位在线接收者</numerusform>
        </translation></message>
    <message>
        <source>no department '%1'</source>
        <translation>没有部门“%1”</translation></message>
    <message>
        <source>no group %1</source>
        <translation>没有群组 %1</translation></message>
    <message>
        <source>nobody would receive it</source>
        <translation>没有人会收到它</translation></message>
    <message>
        <source>cannot store the notice</source>
        <translation>无法保存公告</translation></message>
    <message numerus="yes">
        <source>notice %1 posted to %n recipient(s)</source>
        <translation>
            <numerusform>公告 %1 已发布给 %n 位接收者</numerusform>
        </translation></message>
    <message>
        <source>(administrator)</source>
        <extracomment>the author of a notice posted with `lanchat-server notice post`</extracomment>
        <translation>（管理员）</translation></message>
    <message>
        <source>ID</source>
        <translation>ID</translation></message>
    <message>
        <source>POSTED (UTC)</source>
        <translation>发布时间（UTC）</translation></message>
    <message>
        <source>AUTHOR</source>
        <translation>发布者</translation></message>
    <message>
        <source>AUDIENCE</source>
        <translation>对象</translation></message>
    <message>
        <source>ACK</source>
        <translation>需确认</translation></message>
    <message>
        <source>ACKNOWLEDGED</source>
        <translation>已确认</translation></message>
    <message>
        <source>TEXT</source>
        <translation>内容</translation></message>
    <message>
        <source>yes</source>
        <translation>是</translation></message>
    <message>
        <source>no</source>
        <translation>否</translation></message>
    <message>
        <source>cannot write the CSV</source>
        <translation>无法写出 CSV</translation></message>
    <message>
        <source>notice %1: acknowledged by %2 of %3</source>
        <extracomment>%1 the notice id, %2 how many acknowledged, %3 how many received it</extracomment>
        <translation>公告 %1：%3 人中已有 %2 人确认</translation></message>
    <message>
        <source>USER</source>
        <translation>用户</translation></message>
    <message>
        <source>DISPLAY NAME</source>
        <translation>显示名称</translation></message>
    <message>
        <source>ACKNOWLEDGED (UTC)</source>
        <translation>确认时间（UTC）</translation></message>
    <message>
        <source>REMINDED (UTC)</source>
        <translation>提醒时间（UTC）</translation></message>
    <message>
        <source>everyone has acknowledged notice %1</source>
        <translation>所有人都已确认公告 %1</translation></message>
    <message numerus="yes">
        <source>%n recipient(s) have not acknowledged notice %1</source>
        <translation>
            <numerusform>%n 位接收者尚未确认公告 %1</numerusform>
        </translation></message>
    <message>
        <source>Announcements, optionally to be acknowledged.</source>
        <translation>发布公告，可要求确认已读。</translation></message>
    <message>
        <source>post, list, status or remind.</source>
        <translation>post、list、status 或 remind。</translation></message>
    <message>
        <source>usage: notice post --all|--group ID|--dept PATH… [--ack] TEXT | list | status ID [--csv] | remind ID</source>
        <extracomment>the words after "usage:" are commands and options: keep them as they are</extracomment>
        <translation>用法：notice post --all|--group ID|--dept PATH… [--ack] TEXT | list | status ID [--csv] | remind ID</translation></message>
    <message>
        <source>the text must have 1 to %1 bytes</source>
        <translation>内容须为 1 到 %1 字节</translation></message>
    <message>
        <source>no notice %1</source>
        <translation>没有公告 %1</translation></message>
</context>
<context>
    <name>lanchat::PruneCommand</name>
    <message>
        <source>Apply retention now: delete messages older than retention_days, files older than file_retention_days and the oldest files beyond store_quota_bytes (0 = rule off).</source>
        <translation>立即执行保留策略：删除早于 retention_days 天的消息、早于 file_retention_days 天的文件，以及超出 store_quota_bytes 的最旧文件（0 = 不启用该规则）。</translation>
    </message>
    <message>
        <source>retention is off (retention_days, file_retention_days and store_quota_bytes are 0): nothing to do</source>
        <extracomment>retention_days, file_retention_days and store_quota_bytes are config keys: keep them as they are</extracomment>
        <translation>保留策略未启用（retention_days、file_retention_days 和 store_quota_bytes 均为 0）：无需清理</translation>
    </message>
    <message>
        <source>deleted %1 and %2 (%3 bytes)</source>
        <extracomment>%1 is "N messages", %2 "N files", %3 the bytes freed</extracomment>
        <translation>已删除 %1和 %2（%3 字节）</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::SearchIndex</name>
    <message>
        <source>the search index is damaged: %1</source>
        <extracomment>%1 is SQLite's own (English) report</extracomment>
        <translation>搜索索引已损坏：%1</translation>
    </message>
    <message>
        <source>the search index holds %1 messages, but %2 should be searchable</source>
        <extracomment>%1 and %2 are numbers of messages</extracomment>
        <translation>搜索索引中有 %1 条消息，但应可搜索的消息为 %2 条</translation>
    </message>
</context>
<context>
    <name>lanchat::ServeCommand</name>
    <message>
        <source>Address to listen on (default: any, IPv4+IPv6).</source>
        <translation>监听地址（默认：所有地址，IPv4+IPv6）。</translation>
    </message>
    <message>
        <source>TCP port (default 7411; 0 = any free port).</source>
        <translation>TCP 端口（默认 7411；0 = 任一空闲端口）。</translation>
    </message>
    <message>
        <source>Data directory (database, keys, files).</source>
        <translation>数据目录（数据库、密钥、文件）。</translation>
    </message>
    <message>
        <source>INI configuration file.</source>
        <translation>INI 配置文件。</translation>
    </message>
    <message>
        <source>Serve plain TCP without TLS (logs a warning).</source>
        <translation>不使用 TLS，以明文 TCP 提供服务（会记录一条警告）。</translation>
    </message>
    <message>
        <source>UDP discovery port (default 7412; 0 = any free port).</source>
        <extracomment>discovery: the UDP broadcast by which the desktop app finds the server on the LAN</extracomment>
        <translation>局域网发现的 UDP 端口（默认 7412；0 = 任一空闲端口）。</translation>
    </message>
    <message>
        <source>Do not answer discovery probes.</source>
        <translation>不响应局域网发现请求。</translation>
    </message>
    <message>
        <source>Print the effective configuration and exit.</source>
        <translation>输出当前生效的配置后退出。</translation>
    </message>
    <message>
        <source>--listen: not an IP address: %1</source>
        <translation>--listen：不是 IP 地址：%1</translation>
    </message>
    <message>
        <source>a port must be 0..65535</source>
        <translation>端口须在 0..65535 之间</translation>
    </message>
    <message>
        <source>LanChat relay server. Subcommands: serve (default), user, group, broadcast, stats, backup, restore, check, prune; each has --help (docs/admin.md).</source>
        <extracomment>the subcommand names are typed as they are: keep them in English</extracomment>
        <translation>LanChat 中继服务器。子命令：serve（默认）、user、group、broadcast、stats、backup、restore、check、prune；每个子命令都有 --help（见 docs/admin.md）。</translation>
    </message>
</context>
<context>
    <name>lanchat::ServerCli</name>
    <message>
        <source>unknown subcommand '%1' (try: serve, user, group, stats, backup, restore, check, prune, broadcast, audit, message, dept, import, ldap, notice; see docs/admin.md)</source>
        <extracomment>the subcommand names are typed as they are: keep them in English</extracomment>
        <translation>未知子命令“%1”（可用：serve、user、group、stats、backup、restore、check、prune、broadcast、audit、message、dept、import、ldap、notice；见 docs/admin.md）</translation>
    </message>
</context>
<context>
    <name>lanchat::ServerConfig</name>
    <message>
        <source>%1: expected an integer in %2..%3, got '%4'</source>
        <extracomment>%1 is a config key, %2..%3 the allowed range, %4 the value found</extracomment>
        <translation>%1：应为 %2..%3 之间的整数，实际为“%4”</translation>
    </message>
    <message>
        <source>%1: expected true or false, got '%2'</source>
        <translation>%1：应为 true 或 false，实际为“%2”</translation>
    </message>
    <message>
        <source>cannot read config file %1</source>
        <translation>无法读取配置文件 %1</translation>
    </message>
    <message>
        <source>listen: not an IP address: '%1'</source>
        <translation>listen：“%1”不是 IP 地址</translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation>语法错误</translation>
    </message>
    <message>
        <source>invite_code_file %1 is readable by every user; make it readable by the server only (chmod 600)</source>
        <extracomment>%1 is a file path; chmod 600 is a command, typed as it is</extracomment>
        <translation>invite_code_file %1 对所有用户可读；请改为仅服务器可读（chmod 600）</translation>
    </message>
    <message>
        <source>cannot read invite_code_file %1: %2</source>
        <extracomment>%1 is a file path, %2 the system's reason</extracomment>
        <translation>无法读取 invite_code_file %1：%2</translation>
    </message>
    <message>
        <source>invite_code_file %1: the code must be 1..%2 bytes</source>
        <extracomment>%1 is a file path, %2 a number of bytes</extracomment>
        <translation>invite_code_file %1：邀请码须为 1..%2 字节</translation>
    </message>
    <message>
        <source>registration: expected off, open or invite, got '%1'</source>
        <extracomment>%1 is the value found; off, open and invite are typed as they are</extracomment>
        <translation>registration：应为 off、open 或 invite，实际为“%1”</translation>
    </message>
    <message>
        <source>registration=invite needs invite_code_file</source>
        <translation>registration=invite 需要设置 invite_code_file</translation>
    </message>
</context>
<context>
    <name>lanchat::SqliteStorage</name>
    <message>
        <source>foreign key violation: %1 row %2 refers to a missing %3</source>
        <extracomment>%1 and %3 are table names, %2 a row id</extracomment>
        <translation>外键错误：%1 表中 rowid 为 %2 的行引用了不存在的 %3 记录</translation>
    </message>
</context>
<context>
    <name>lanchat::StatsCommand</name>
    <message>
        <source>server not running</source>
        <translation>服务器未运行</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>stats: online users, connections</comment>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 位用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>Show usage figures of the server.</source>
        <translation>显示服务器的使用统计。</translation>
    </message>
    <message>
        <source>users:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>%1 (%2 disabled)</source>
        <translation>%1（%2 个已停用）</translation>
    </message>
    <message>
        <source>online now:</source>
        <translation>当前在线：</translation>
    </message>
    <message>
        <source>messages:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <source>%1 (last 24 h: %2)</source>
        <translation>%1（最近 24 小时：%2）</translation>
    </message>
    <message>
        <source>files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>%1 bytes (%2)</source>
        <extracomment>%1 the size of the database files, %2 the path of the database</extracomment>
        <translation>%1 字节（%2）</translation>
    </message>
</context>
<context>
    <name>lanchat::UserCommand</name>
    <message>
        <source>Read the password from the first line of stdin.</source>
        <translation>从标准输入的第一行读取密码。</translation>
    </message>
    <message>
        <source>Display name (add: default the username; rename: set it).</source>
        <translation>显示名称（add：默认为用户名；rename：改为此名称）。</translation>
    </message>
    <message>
        <source>invalid username (allowed: A-Z a-z 0-9 . _ -, 1-32)</source>
        <translation>用户名无效（允许：A-Z a-z 0-9 . _ -，1-32 个字符）</translation>
    </message>
    <message>
        <source>invalid display name (1-64 characters)</source>
        <translation>显示名称无效（须为 1-64 个字符）</translation>
    </message>
    <message>
        <source>the password on stdin must be 8-1024 bytes</source>
        <translation>标准输入中的密码须为 8-1024 字节</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>DISPLAY NAME</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>disabled</source>
        <extracomment>state of an account in `user list`</extracomment>
        <translation>已停用</translation>
    </message>
    <message>
        <source>enabled</source>
        <extracomment>state of an account in `user list`</extracomment>
        <translation>已启用</translation>
    </message>
    <message>
        <source>username '%1' is taken</source>
        <translation>用户名“%1”已被占用</translation>
    </message>
    <message>
        <source>cannot create the account</source>
        <translation>无法创建账号</translation>
    </message>
    <message>
        <source>user '%1' added (id %2)</source>
        <translation>已添加用户“%1”（ID %2）</translation>
    </message>
    <message>
        <source>password of '%1' changed</source>
        <translation>已修改“%1”的密码</translation>
    </message>
    <message>
        <source>user '%1' disabled</source>
        <translation>已停用用户“%1”</translation>
    </message>
    <message>
        <source>user '%1' enabled</source>
        <translation>已启用用户“%1”</translation>
    </message>
    <message>
        <source>user '%1' deleted (their messages stay)</source>
        <translation>已删除用户“%1”（其消息仍保留）</translation>
    </message>
    <message>
        <source>user '%1' renamed to '%2' (%3)</source>
        <extracomment>%1 the old username, %2 the new one, %3 the display name</extracomment>
        <translation>已将用户“%1”重命名为“%2”（%3）</translation>
    </message>
    <message>
        <source>cannot rename '%1' (is the new name taken?)</source>
        <translation>无法重命名“%1”（新用户名已被占用？）</translation>
    </message>
    <message>
        <source>cannot change the account '%1'</source>
        <translation>无法修改账号“%1”</translation>
    </message>
    <message>
        <source>Manage accounts.</source>
        <translation>管理账号。</translation>
    </message>
    <message>
        <source>give the password on stdin with --password-stdin</source>
        <translation>请用 --password-stdin 从标准输入提供密码</translation>
    </message>
    <message>
        <source>no user '%1'</source>
        <translation>没有用户“%1”</translation>
    </message>
    <message>
        <source>list, add, passwd, disable, enable, delete, rename, set, tokens, revoke-tokens, lock-name or unlock-name.</source>
        <translation>list、add、passwd、disable、enable、delete、rename、set、tokens、revoke-tokens、lock-name 或 unlock-name。</translation>
    </message>
    <message>
        <source>usage: user list|add|passwd|disable|enable|delete|rename|set|tokens|revoke-tokens|lock-name|unlock-name (see user --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation>用法：user list|add|passwd|disable|enable|delete|rename|set|tokens|revoke-tokens|lock-name|unlock-name（参见 user --help）</translation>
    </message>
</context>
<context>
    <name>lanchat::UserImport</name>
    <message>
        <source>line %1: %2</source>
        <extracomment>%1 a line number of the CSV file, %2 what is wrong with it</extracomment>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation>文件大于 %1 MiB</translation>
    </message>
    <message>
        <source>the file is empty (the first line is the header)</source>
        <translation>文件为空（第一行应为表头）</translation>
    </message>
    <message>
        <source>username '%1' is already on line %2</source>
        <translation>用户名“%1”已在第 %2 行出现</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>unknown column '%1' (known: %2)</source>
        <translation>未知的列“%1”（可用：%2）</translation>
    </message>
    <message>
        <source>column '%1' appears twice</source>
        <translation>列“%1”出现了两次</translation>
    </message>
    <message>
        <source>missing column '%1'</source>
        <translation>缺少列“%1”</translation>
    </message>
    <message>
        <source>the password column cannot be used here</source>
        <translation>此处不能使用 password 列</translation>
    </message>
    <message>
        <source>%1 fields, but the header has %2</source>
        <translation>有 %1 个字段，但表头有 %2 列</translation>
    </message>
    <message>
        <source>invalid UTF-8 in column '%1'</source>
        <translation>列“%1”中有无效的 UTF-8</translation>
    </message>
    <message>
        <source>invalid username '%1' (allowed: A-Z a-z 0-9 . _ -, 1-32)</source>
        <translation>用户名“%1”无效（允许 A-Z a-z 0-9 . _ -，1-32 个字符）</translation>
    </message>
    <message>
        <source>invalid display name (1-64 characters)</source>
        <translation>显示名称无效（1-64 个字符）</translation>
    </message>
    <message>
        <source>department path '%1' names a department twice (a cycle)</source>
        <translation>部门路径“%1”中同一部门出现了两次（循环）</translation>
    </message>
    <message>
        <source>the title is longer than %1 characters</source>
        <translation>职务超过 %1 个字符</translation>
    </message>
    <message>
        <source>invalid phone number '%1'</source>
        <translation>电话号码“%1”无效</translation>
    </message>
    <message>
        <source>invalid email address '%1'</source>
        <translation>电子邮件地址“%1”无效</translation>
    </message>
    <message>
        <source>the password must be 8-1024 bytes</source>
        <translation>密码必须为 8-1024 字节</translation>
    </message>
    <message>
        <source>cannot hash the password</source>
        <translation>无法计算密码哈希</translation>
    </message>
    <message>
        <source>cannot start the transaction</source>
        <translation>无法开始事务</translation>
    </message>
    <message>
        <source>line %1: cannot store the account; nothing was imported</source>
        <extracomment>%1 a line number of the CSV file</extracomment>
        <translation>第 %1 行：无法保存账号；未导入任何内容</translation>
    </message>
    <message>
        <source>cannot commit the import; nothing was imported</source>
        <translation>无法提交导入；未导入任何内容</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>transfer speed, %1 is a size such as "2.3 MB"</extracomment>
        <translation>%1/秒</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <extracomment>remaining time in seconds</extracomment>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <extracomment>remaining time in minutes</extracomment>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>remaining time, %1 hours and %2 minutes</extracomment>
        <translation>%1 小时 %2 分钟</translation>
    </message>
</context>
<context>
    <name>EmojiCatalog</name>
    <message>
        <source>Smileys</source>
        <extracomment>tab of the emoji picker</extracomment>
        <translation>表情</translation>
    </message>
    <message>
        <source>People</source>
        <extracomment>tab of the emoji picker: hands and people</extracomment>
        <translation>手势与人物</translation>
    </message>
    <message>
        <source>Objects</source>
        <extracomment>tab of the emoji picker</extracomment>
        <translation>物品</translation>
    </message>
    <message>
        <source>Symbols</source>
        <extracomment>tab of the emoji picker</extracomment>
        <translation>符号</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server did not understand this program. Please update LanChat.</source>
        <translation>服务器无法识别本程序的请求，请更新 LanChat。</translation>
    </message>
    <message>
        <source>This LanChat version cannot talk to the server. Please update LanChat or the server.</source>
        <translation>此版本的 LanChat 无法与服务器通信，请更新 LanChat 或服务器。</translation>
    </message>
    <message>
        <source>You are not logged in. Please log in again.</source>
        <translation>您尚未登录，请重新登录。</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>您没有执行此操作的权限。</translation>
    </message>
    <message>
        <source>Some of the entered information is not valid.</source>
        <translation>输入的信息有误，请检查。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This user name is already taken. Please choose another one.</source>
        <translation>该用户名已被占用，请换一个。</translation>
    </message>
    <message>
        <source>It does not exist (any more).</source>
        <translation>该对象不存在或已被删除。</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>尝试次数过多，请稍后再试。</translation>
    </message>
    <message>
        <source>The file is larger than the server accepts.</source>
        <translation>文件超过了服务器允许的大小。</translation>
    </message>
    <message>
        <source>The server's disk is full. Ask your administrator to free space.</source>
        <translation>服务器磁盘已满，请联系管理员清理空间。</translation>
    </message>
    <message>
        <source>The file arrived damaged (checksum mismatch). Please retry.</source>
        <translation>文件在传输中损坏（校验和不一致），请重试。</translation>
    </message>
    <message>
        <source>The transfer got out of step. Please retry.</source>
        <translation>传输进度不同步，请重试。</translation>
    </message>
    <message>
        <source>Your account has been disabled. Ask your administrator.</source>
        <translation>您的账号已被停用，请联系管理员。</translation>
    </message>
    <message>
        <source>The server has too many connections right now. Please try again later.</source>
        <translation>服务器当前连接数过多，请稍后再试。</translation>
    </message>
    <message>
        <source>The server is restarting. LanChat will reconnect by itself.</source>
        <translation>服务器正在重启，LanChat 会自动重新连接。</translation>
    </message>
    <message>
        <source>The server had an internal problem. Nothing was saved; please try again.</source>
        <translation>服务器内部出错，本次操作未保存，请重试。</translation>
    </message>
    <message>
        <source>The transfer was cancelled.</source>
        <translation>传输已取消。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器响应超时。</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>发生了意外错误。</translation>
    </message>
    <message>
        <source>An unexpected error occurred (%1).</source>
        <extracomment>%1 is a technical error code such as "quota_exceeded"</extracomment>
        <translation>发生了意外错误（%1）。</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check the address and your network.</source>
        <translation>无法连接服务器，请检查地址和网络。</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check the address and your network. (%1)</source>
        <extracomment>%1 is the operating system's (English) description of the network error</extracomment>
        <translation>无法连接服务器，请检查地址和网络。（%1）</translation>
    </message>
    <message>
        <source>Sign-up is turned off on this server. Ask your administrator for an account.</source>
        <translation>此服务器已关闭自助注册，请向管理员申请账号。</translation>
    </message>
    <message>
        <source>The invite code is missing or wrong. Ask your administrator for the current one.</source>
        <translation>邀请码缺失或不正确，请向管理员索取当前的邀请码。</translation>
    </message>
    <message>
        <source>Not saved: the file's name in the download folder is a symbolic link, and LanChat does not write through links.</source>
        <translation>未保存：下载文件夹中该文件名是一个符号链接，LanChat 不会通过链接写入文件。</translation>
    </message>
    <message>
        <source>You were logged out on this computer (logged out elsewhere, password changed or the login expired). Please enter your password.</source>
        <translation>这台电脑上的登录已失效（已在别处退出、密码已修改或登录已过期）。请输入密码。</translation>
    </message>
    <message>
        <source>It is too late to recall or edit this message.</source>
        <translation>已超过可撤回或编辑的时间。</translation>
    </message>
    <message>
        <source>This message was recalled.</source>
        <translation>这条消息已被撤回。</translation>
    </message>
    <message>
        <source>You were logged out: your password was changed, or you logged out your other devices. Log in again.</source>
        <translation>你已被登出：密码已修改，或你让其他设备退出了登录。请重新登录。</translation>
    </message>
    <message>
        <source>This picture cannot be used: choose a PNG or JPEG image of at most 4096 × 4096 pixels.</source>
        <translation>无法使用这张图片：请选择不超过 4096 × 4096 像素的 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>The company directory that checks your password cannot be reached. Please try again in a few minutes or ask your administrator.</source>
        <translation>无法连接用于验证密码的公司目录服务器。请过几分钟再试，或联系管理员。</translation></message>
</context>
<context>
    <name>SystemEventText</name>
    <message>
        <source>%1 created the group "%2"</source>
        <extracomment>system line in a group's history; %1 is a person, %2 the group name</extracomment>
        <translation>%1 创建了群聊“%2”</translation>
    </message>
    <message>
        <source>%1 renamed the group to "%2"</source>
        <extracomment>system line in a group's history; %1 is a person, %2 the new group name</extracomment>
        <translation>%1 将群聊名称改为“%2”</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <extracomment>system line in a group's history: %1 added %2 to the group</extracomment>
        <translation>%1 添加了 %2</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <extracomment>system line in a group's history: %1 removed %2 from the group</extracomment>
        <translation>%1 移除了 %2</translation>
    </message>
    <message>
        <source>%1 left the group</source>
        <extracomment>system line in a group's history</extracomment>
        <translation>%1 退出了群聊</translation>
    </message>
    <message>
        <source>%1 made %2 an admin</source>
        <extracomment>system line in a group's history: the owner %1 made %2 a group admin</extracomment>
        <translation>%1 将 %2 设为管理员</translation>
    </message>
    <message>
        <source>%1 removed %2 as admin</source>
        <extracomment>system line in a group's history: the owner %1 took the admin role from %2</extracomment>
        <translation>%1 取消了 %2 的管理员身份</translation>
    </message>
    <message>
        <source>%1 transferred ownership to %2</source>
        <extracomment>system line in a group's history: %1 made %2 the group's owner</extracomment>
        <translation>%1 将群主转让给 %2</translation>
    </message>
    <message>
        <source>%1 dissolved the group</source>
        <extracomment>system line in a group's history</extracomment>
        <translation>%1 解散了该群</translation>
    </message>
</context>
<context>
    <name>lanchat::AccountDialog</name>
    <message>
        <source>%1 other session(s) logged out, %2 remembered device(s) forgotten.</source>
        <extracomment>after "Log out other devices": %1 how many sessions were ended, %2 how many remembered devices forgotten</extracomment>
        <translation>已登出其他 %1 个会话，已忘记 %2 台保持登录的设备。</translation>
    </message>
    <message>
        <source>This server cannot list your sessions (an older version), or you are offline.</source>
        <translation>此服务器无法列出你的会话（版本较旧），或者你当前离线。</translation>
    </message>
    <message>
        <source>Account — %1</source>
        <extracomment>window title of the account dialog; %1 is the user's name</extracomment>
        <translation>账号 — %1</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Logged in now</source>
        <translation>当前登录</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录时间</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>Devices that stay logged in</source>
        <translation>保持登录的设备</translation>
    </message>
    <message>
        <source>Remembered since</source>
        <translation>保持登录自</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Log out other devices</source>
        <translation>登出其他设备</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>未知设备</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <extracomment>marks the row of the computer the user is using now</extracomment>
        <translation>%1（本机）</translation>
    </message>
    <message>
        <source>Log out LanChat everywhere except on this computer? Other devices have to log in with your password again.</source>
        <translation>在除本机以外的所有设备上登出 LanChat？其他设备需要用密码重新登录。</translation>
    </message>
    <message>
        <source>Logging out your other devices…</source>
        <translation>正在登出你的其他设备…</translation>
    </message>
</context>
<context>
    <name>lanchat::ActionMarkPainter</name>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Re-edit</source>
        <translation>重新编辑</translation>
    </message>
</context>
<context>
    <name>lanchat::CaptureOverlay</name>
    <message>
        <source>Drag to select an area · Esc to cancel</source>
        <translation>拖动鼠标选择区域 · Esc 取消</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without keeping the screenshot (Esc)</source>
        <translation>关闭，不保留截图 (Esc)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy to the clipboard (Ctrl+C)</source>
        <translation>复制到剪贴板 (Ctrl+C)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send into the open conversation (Enter)</source>
        <translation>发送到当前会话 (Enter)</translation>
    </message>
</context>
<context>
    <name>lanchat::CertificateDialog</name>
    <message>
        <source>New server</source>
        <translation>新服务器</translation>
    </message>
    <message>
        <source>First connection to %1</source>
        <extracomment>%1 is a server address such as 192.168.1.5:7411</extracomment>
        <translation>首次连接 %1</translation>
    </message>
    <message>
        <source>LanChat has not connected to this server before. Compare this fingerprint with the one your administrator gave you; LanChat will remember it and warn you if it ever changes.</source>
        <translation>LanChat 之前从未连接过此服务器。请将下面的指纹与管理员提供的指纹核对；LanChat 会记住它，如果以后发生变化会提醒您。</translation>
    </message>
    <message>
        <source>It matches the fingerprint the server announced on the local network.</source>
        <translation>它与服务器在局域网中广播的指纹一致。</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>信任并连接</translation>
    </message>
    <message>
        <source>Security warning</source>
        <translation>安全警告</translation>
    </message>
    <message>
        <source>The identity of %1 has changed!</source>
        <translation>%1 的身份发生了变化！</translation>
    </message>
    <message>
        <source>The server presented a different certificate than before. Someone may be intercepting your connection. Do not continue unless your administrator told you that the server's certificate was replaced.</source>
        <translation>服务器出示的证书与之前不同，可能有人正在拦截您的连接。除非管理员告知服务器证书已更换，否则请不要继续。</translation>
    </message>
    <message>
        <source>Known fingerprint:</source>
        <translation>已记录的指纹：</translation>
    </message>
    <message>
        <source>Presented fingerprint:</source>
        <translation>当前出示的指纹：</translation>
    </message>
    <message>
        <source>I have checked the new fingerprint with my administrator</source>
        <translation>我已与管理员核对过新的指纹</translation>
    </message>
    <message>
        <source>Accept new certificate</source>
        <translation>接受新证书</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>lanchat::ClientConnection</name>
    <message>
        <source>The server's certificate does not match the one pinned for it.</source>
        <translation>服务器证书与之前记录的不一致。</translation>
    </message>
    <message>
        <source>The server sent data this program does not understand.</source>
        <translation>服务器发送了本程序无法识别的数据。</translation>
    </message>
    <message>
        <source>The server speaks another version of the LanChat protocol.</source>
        <translation>服务器使用的 LanChat 协议版本不同。</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>服务器已停止响应。</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>This server is known to use an encrypted connection; LanChat does not connect to it unencrypted.</source>
        <translation>已知此服务器使用加密连接，LanChat 不会以未加密方式连接它。</translation>
    </message>
</context>
<context>
    <name>lanchat::ConnectionStatusLabel</name>
    <message>
        <source>● Connected to %1</source>
        <extracomment>status bar; %1 is the server address</extracomment>
        <translation>● 已连接到 %1</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● 正在连接…</translation>
    </message>
    <message numerus="yes">
        <source>● Connection lost — reconnecting in %n s</source>
        <translation>
            <numerusform>● 连接已断开 — %n 秒后重新连接</numerusform>
        </translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
</context>
<context>
    <name>lanchat::ContactsModel</name>
    <message>
        <source>%1 (%2), online</source>
        <translation>%1（%2），在线</translation>
    </message>
    <message>
        <source>%1 (%2), offline</source>
        <translation>%1（%2），离线</translation>
    </message>
    <message>
        <source>%1 (%2), presence unknown while you are offline</source>
        <extracomment>tooltip of a contact while the user's own connection is down</extracomment>
        <translation>%1（%2），您离线时无法得知其在线状态</translation>
    </message>
    <message>
        <source>%1 (%2), away</source>
        <translation>%1（%2），离开</translation>
    </message>
    <message>
        <source>%1 (%2), busy</source>
        <translation>%1（%2），忙碌</translation>
    </message>
    <message>
        <source>%1 (%2), do not disturb</source>
        <translation>%1（%2），勿扰</translation>
    </message>
</context>
<context>
    <name>lanchat::ConversationListDelegate</name>
    <message>
        <source>[Draft]</source>
        <extracomment>prefix of a conversation's preview in the list when the user has typed something there and not sent it</extracomment>
        <translation>[草稿]</translation>
    </message>
    <message>
        <source>[@me]</source>
        <extracomment>prefix of a conversation's preview in the list while an unread message there mentions the user</extracomment>
        <translation>[有人@我]</translation>
    </message>
</context>
<context>
    <name>lanchat::ConversationView</name>
    <message>
        <source>Select a conversation on the left, or start a new chat.</source>
        <translation>请在左侧选择一个会话，或发起新的聊天。</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Send files (you can also drag them here or paste them)</source>
        <translation>发送文件（也可以拖放到这里或直接粘贴）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Show and manage the group's members</source>
        <translation>查看和管理群组成员</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>已免打扰</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <source>No desktop notifications for this conversation</source>
        <translation>此会话不弹出桌面通知</translation>
    </message>
    <message numerus="yes">
        <source>Group · %n member(s)</source>
        <translation>
            <numerusform>群组 · %n 位成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Presence unknown while you are offline</source>
        <extracomment>chat header of a private chat while the user's own connection is down</extracomment>
        <translation>您已离线，对方状态未知</translation>
    </message>
    <message>
        <source>You were removed from %1 by %2. The history stays readable; you cannot send messages here any more.</source>
        <extracomment>in a group chat the user was removed from; %1 is the group's name, %2 who removed them</extracomment>
        <translation>%2 已将您移出“%1”。聊天记录仍可查看，但您不能再在这里发送消息。</translation>
    </message>
    <message>
        <source>Group · you are no longer a member</source>
        <translation>群组 · 您已不是成员</translation>
    </message>
    <message>
        <source>You were removed from %1 by an administrator. The history stays readable; you cannot send messages here any more.</source>
        <extracomment>in a group chat the server's administrator removed the user from; %1 is the group's name</extracomment>
        <translation>管理员已将您移出“%1”。聊天记录仍可查看，但您不能再在这里发送消息。</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Take a screenshot of a screen area and send it (Ctrl+Alt+A)</source>
        <translation>截取屏幕区域并发送 (Ctrl+Alt+A)</translation>
    </message>
    <message>
        <source>Only administrators post here</source>
        <extracomment>under the announcement channel instead of a usable input box</extracomment>
        <translation>只有管理员可以在此发言</translation>
    </message>
    <message>
        <source>%1 dissolved the group %2. The history stays readable; nobody can send messages here any more.</source>
        <extracomment>in a group chat its owner dissolved; %1 is who dissolved it, %2 the group's name</extracomment>
        <translation>%1 已解散群组“%2”。聊天记录仍可查看，但任何人都不能再在这里发送消息。</translation>
    </message>
</context>
<context>
    <name>lanchat::ConversationsModel</name>
    <message>
        <source>Announcements</source>
        <translation>公告</translation>
    </message>
</context>
<context>
    <name>lanchat::EmojiButton</name>
    <message>
        <source>Insert an emoji</source>
        <translation>插入表情</translation>
    </message>
</context>
<context>
    <name>lanchat::EmojiPicker</name>
    <message>
        <source>Recently used</source>
        <extracomment>heading of the emoji picker's row of emoji the user picked lately</extracomment>
        <translation>最近使用</translation>
    </message>
</context>
<context>
    <name>lanchat::FileBubblePainter</name>
    <message>
        <source>No longer available on the server</source>
        <translation>服务器上已不再保留</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Queued</source>
        <extracomment>a file transfer waiting for a free slot</extracomment>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <extracomment>computing the checksum of a file before it is uploaded</extracomment>
        <translation>准备中…</translation>
    </message>
    <message>
        <source>Uploading %1 %</source>
        <translation>正在上传 %1 %</translation>
    </message>
    <message>
        <source>Downloading %1 %</source>
        <extracomment>in a file bubble, %1 is a percentage</extracomment>
        <translation>正在下载 %1 %</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Paused at %1 %</source>
        <extracomment>in a file bubble, %1 is a percentage</extracomment>
        <translation>已暂停于 %1 %</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <extracomment>in a file bubble, %1 is why the transfer failed</extracomment>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Sent</source>
        <extracomment>shown under a file the user sent, which other members can now download</extracomment>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
</context>
<context>
    <name>lanchat::ForwardDialog</name>
    <message>
        <source>Forward</source>
        <translation>转发</translation>
    </message>
    <message numerus="yes">
        <source>Forward %n message(s) to:</source>
        <extracomment>above the list of conversations to forward the selected messages into</extracomment>
        <translation>
            <numerusform>将 %n 条消息转发给：</numerusform>
        </translation>
    </message>
    <message>
        <source>Search conversations by name</source>
        <translation>按名称搜索会话</translation>
    </message>
    <message>
        <source>No conversation matches.</source>
        <translation>没有匹配的会话。</translation>
    </message>
</context>
<context>
    <name>lanchat::GroupDialog</name>
    <message>
        <source>Leave group</source>
        <translation>退出群组</translation>
    </message>
    <message numerus="yes">
        <source>Members (%n):</source>
        <translation>
            <numerusform>成员（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Please give the group a name.</source>
        <translation>请输入群组名称。</translation>
    </message>
    <message>
        <source>Pick at least one member.</source>
        <translation>请至少选择一位成员。</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建群组</translation>
    </message>
    <message>
        <source>Group members</source>
        <translation>群组成员</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>群组名称：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>成员：</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>搜索联系人</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 (@%2), %3</source>
        <extracomment>tooltip of a member row: display name, user name, role in the group</extracomment>
        <translation>%1（@%2），%3</translation>
    </message>
    <message>
        <source>Dissolve group</source>
        <translation>解散群组</translation>
    </message>
</context>
<context>
    <name>lanchat::GroupRoleActions</name>
    <message>
        <source>Remove admin</source>
        <translation>取消管理员</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>设为管理员</translation>
    </message>
    <message>
        <source>Transfer ownership…</source>
        <translation>转让群主…</translation>
    </message>
    <message>
        <source>Remove from group…</source>
        <translation>移出群组…</translation>
    </message>
    <message>
        <source>Remove %1 from the group "%2"?</source>
        <extracomment>%1 is the member's display name, %2 the group's name</extracomment>
        <translation>要将 %1 移出群聊“%2”吗？</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <source>Make %1 the owner of "%2"? You will stay in the group as a member.</source>
        <extracomment>%1 is the member's display name, %2 the group's name</extracomment>
        <translation>要将 %1 设为“%2”的群主吗？您将作为普通成员留在群中。</translation>
    </message>
    <message>
        <source>Transfer ownership</source>
        <translation>转让群主</translation>
    </message>
    <message>
        <source>Dissolve "%1" for all its members? Nobody can send messages in it any more. This cannot be undone.</source>
        <extracomment>%1 is the group's name</extracomment>
        <translation>要为全体成员解散“%1”吗？解散后任何人都不能再在其中发送消息，且无法撤销。</translation>
    </message>
    <message>
        <source>Dissolve group</source>
        <translation>解散群组</translation>
    </message>
    <message>
        <source>Leave the group "%1"?</source>
        <extracomment>%1 is the group's name</extracomment>
        <translation>确定退出群组“%1”吗？</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>退出群组</translation>
    </message>
    <message>
        <source>You own "%1". Choose a new owner before you leave.</source>
        <extracomment>shown to the owner who wants to leave; %1 is the group's name</extracomment>
        <translation>您是“%1”的群主。退出前请先选择新群主。</translation>
    </message>
    <message>
        <source>Choose new owner and leave…</source>
        <translation>选择新群主并退出…</translation>
    </message>
    <message>
        <source>%1 (admin)</source>
        <translation>%1（管理员）</translation>
    </message>
    <message>
        <source>Choose new owner</source>
        <translation>选择新群主</translation>
    </message>
    <message>
        <source>New owner of "%1":</source>
        <extracomment>%1 is the group's name</extracomment>
        <translation>“%1”的新群主：</translation>
    </message>
    <message>
        <source>Transfer and leave</source>
        <translation>转让并退出</translation>
    </message>
</context>
<context>
    <name>lanchat::HeaderProfileLink</name>
    <message>
        <source>Profile</source>
        <extracomment>button in the header of a private chat: show the other person's profile card</extracomment>
        <translation>个人资料</translation>
    </message>
    <message>
        <source>Show this person's profile</source>
        <translation>查看对方的个人资料</translation>
    </message>
</context>
<context>
    <name>lanchat::LoginDialog</name>
    <message>
        <source>LanChat</source>
        <translation>LanChat</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>letters, digits, . _ -</source>
        <translation>字母、数字、. _ -</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>shown to your colleagues, e.g. 张伟</source>
        <translation>同事看到的名字，例如 张伟</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>正在创建账号…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Enter the server as host or host:port, e.g. 192.168.1.5:7411.</source>
        <translation>请按“主机”或“主机:端口”格式输入服务器，例如 192.168.1.5:7411。</translation>
    </message>
    <message>
        <source>The user name may only contain letters, digits, '.', '_' and '-' (at most 32).</source>
        <translation>用户名只能包含字母、数字、“.”、“_”和“-”（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The server's certificate has changed. The connection was stopped for your safety.</source>
        <translation>服务器证书已变更，为了您的安全，连接已中止。</translation>
    </message>
    <message>
        <source>&amp;Invite code:</source>
        <translation>邀请码(&amp;I)：</translation>
    </message>
    <message>
        <source>from your administrator</source>
        <translation>由管理员提供</translation>
    </message>
    <message>
        <source>This server needs an invite code to sign up. Enter the code your administrator gave you.</source>
        <translation>在此服务器注册需要邀请码，请输入管理员给您的邀请码。</translation>
    </message>
</context>
<context>
    <name>lanchat::MainWindow</name>
    <message>
        <source>About LanChat</source>
        <translation>关于 LanChat</translation>
    </message>
    <message>
        <source>&lt;b&gt;LanChat %1&lt;/b&gt;&lt;br&gt;Chat and file sharing for your company network.</source>
        <translation>&lt;b&gt;LanChat %1&lt;/b&gt;&lt;br&gt;公司内网的聊天与文件共享工具。</translation>
    </message>
    <message>
        <source>&amp;LanChat</source>
        <translation>LanChat(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>New &amp;chat</source>
        <translation>发起聊天(&amp;C)</translation>
    </message>
    <message>
        <source>New &amp;group…</source>
        <translation>新建群组(&amp;G)…</translation>
    </message>
    <message>
        <source>Group &amp;members…</source>
        <translation>群组成员(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>文件传输</translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation>文件传输(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LanChat</source>
        <translation>关于 LanChat(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>Transfers (%n active)</source>
        <translation>
            <numerusform>文件传输（%n 个进行中）</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <extracomment>window title with the number of unread messages in front</extracomment>
        <translation>(%1) %2</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>[File] %1</source>
        <extracomment>notification text for a received file, %1 is the file name</extracomment>
        <translation>[文件] %1</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>重新连接(&amp;R)</translation>
    </message>
    <message>
        <source>Connect to the server again now</source>
        <translation>立即重新连接服务器</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>window title: %1 is the user's display name, %2 the application name (LanChat)</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Edit my &amp;profile…</source>
        <translation>编辑个人资料(&amp;P)…</translation></message>
</context>
<context>
    <name>lanchat::MemberListDelegate</name>
    <message>
        <source>Owner</source>
        <extracomment>role of a member in a group, shown in the member list</extracomment>
        <translation>群主</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Admin</source>
        <extracomment>role of a member in a group (an admin manages members, not admins), shown in the member list</extracomment>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>lanchat::MentionCompleter</name>
    <message>
        <source>Everyone (@%1)</source>
        <extracomment>a row of the @ completer: display name and username; everyone reads e.g. "Everyone (@all)"</extracomment>
        <translation>所有成员（@%1）</translation>
    </message>
</context>
<context>
    <name>lanchat::MentionController</name>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
</context>
<context>
    <name>lanchat::MentionHighlighter</name>
    <message>
        <source>all</source>
        <extracomment>the word after @ that mentions every member of a group, as typed in a message: "@all"</extracomment>
        <translation>所有人</translation>
    </message>
</context>
<context>
    <name>lanchat::MessageActions</name>
    <message>
        <source>Forward…</source>
        <extracomment>context menu of messages: send copies of the selected messages to another conversation</extracomment>
        <translation>转发…</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>转发</translation>
    </message>
    <message>
        <source>You are offline: nothing was forwarded. Forward again once connected.</source>
        <translation>您已离线，未转发任何消息。连接后请重新转发。</translation>
    </message>
    <message>
        <source>Forwarded to %1</source>
        <extracomment>shown briefly beside the messages after a forward; %1 is the conversation's name</extracomment>
        <translation>已转发给“%1”</translation>
    </message>
    <message>
        <source>Not forwarded</source>
        <translation>未转发</translation>
    </message>
    <message>
        <source>You are not a member of that conversation any more, or you may not post there.</source>
        <translation>您已不是该会话的成员，或无权在该会话中发言。</translation>
    </message>
    <message>
        <source>A message could not be forwarded: it no longer exists, was recalled, or its file has expired.</source>
        <translation>有消息无法转发：它已不存在、已被撤回，或其文件已过期。</translation>
    </message>
    <message>
        <source>This server cannot forward messages. Ask the administrator to update it.</source>
        <translation>此服务器不支持转发消息。请联系管理员升级服务器。</translation>
    </message>
    <message>
        <source>The connection was lost before the server answered. Look in the conversation before you forward again: the messages may have arrived.</source>
        <translation>服务器应答前连接已断开。再次转发前请先查看该会话：消息可能已经送达。</translation>
    </message>
    <message>
        <source>You can forward at most %1 messages at once.</source>
        <translation>一次最多只能转发 %1 条消息。</translation>
    </message>
</context>
<context>
    <name>lanchat::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Waiting to send…</source>
        <extracomment>under an own message the client will send by itself as soon as it can (offline, server busy)</extracomment>
        <translation>等待发送…</translation>
    </message>
    <message>
        <source>Not sent: you are not a member of this group</source>
        <translation>未发送：您已不是本群成员</translation>
    </message>
    <message>
        <source>Not sent: you may not post in this conversation</source>
        <translation>未发送：您无权在此会话中发言</translation>
    </message>
    <message>
        <source>Not sent: this conversation no longer exists</source>
        <translation>未发送：该会话已不存在</translation>
    </message>
    <message>
        <source>Not sent: the server does not accept this message (too long?)</source>
        <translation>未发送：服务器不接受这条消息（可能过长）</translation>
    </message>
    <message>
        <source>Not sent: refused by the server (%1)</source>
        <extracomment>%1 is a technical error code such as "storage_full"</extracomment>
        <translation>未发送：被服务器拒绝（%1）</translation>
    </message>
</context>
<context>
    <name>lanchat::MessageEditActions</name>
    <message>
        <source>Editing message · Esc to cancel</source>
        <translation>正在编辑消息 · 按 Esc 取消</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Re-edit</source>
        <translation>重新编辑</translation>
    </message>
</context>
<context>
    <name>lanchat::MessageInput</name>
    <message>
        <source>Type a message — Enter to send, Shift+Enter for a new line</source>
        <translation>输入消息 — Enter 发送，Shift+Enter 换行</translation>
    </message>
</context>
<context>
    <name>lanchat::MessagesModel</name>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>[File] %1</source>
        <translation>[文件] %1</translation>
    </message>
</context>
<context>
    <name>lanchat::NoticeBanner</name>
    <message>
        <source>Administrator</source>
        <extracomment>the author of an announcement posted by the server administrator</extracomment>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Announcement from %1 · %2</source>
        <extracomment>%1 who posted the announcement, %2 when</extracomment>
        <translation>%1 发布的公告 · %2</translation>
    </message>
    <message numerus="yes">
        <source>(%n more waiting)</source>
        <extracomment>appended to the banner's title when more announcements wait behind this one</extracomment>
        <translation>
            <numerusform>（还有 %n 条待读）</numerusform>
        </translation>
    </message>
    <message>
        <source>I have read this</source>
        <extracomment>the button that acknowledges an announcement (WeChat Work / DingTalk say 收到)</extracomment>
        <translation>收到</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Tell the author you have read this announcement</source>
        <translation>告诉发布者你已阅读此公告</translation>
    </message>
</context>
<context>
    <name>lanchat::NoticeCardPainter</name>
    <message>
        <source>Announcement · %1</source>
        <extracomment>heading of an administrator's notice in the announcement channel; %1 is the time it was posted</extracomment>
        <translation>公告 · %1</translation>
    </message>
</context>
<context>
    <name>lanchat::NoticeComposeDialog</name>
    <message>
        <source>Post announcement to %1</source>
        <extracomment>%1 the group's name</extracomment>
        <translation>发布公告到 %1</translation>
    </message>
    <message>
        <source>Every member of the group gets it pinned at the top of their window.</source>
        <translation>群里每位成员都会在窗口顶部看到这条置顶公告。</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Members must acknowledge it ("I have read this")</source>
        <translation>成员须确认已读（“收到”）</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>发布</translation>
    </message>
</context>
<context>
    <name>lanchat::NoticeController</name>
    <message>
        <source>Post announcement</source>
        <translation>发布公告</translation>
    </message>
    <message>
        <source>The announcement was not posted: %1</source>
        <translation>公告未发布：%1</translation>
    </message>
    <message>
        <source>Post &amp;announcement…</source>
        <translation>发布公告(&amp;A)…</translation>
    </message>
    <message>
        <source>Announce something to the members of this group (group owners and admins)</source>
        <translation>向本群成员发布公告（群主和管理员可用）</translation>
    </message>
    <message>
        <source>My a&amp;nnouncements…</source>
        <translation>我发布的公告(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>lanchat::NoticeStatusDialog</name>
    <message numerus="yes">
        <source>Reminded %n person(s).</source>
        <translation>
            <numerusform>已提醒 %n 人。</numerusform>
        </translation>
    </message>
    <message>
        <source>You reminded them less than 10 minutes ago.</source>
        <translation>你在 10 分钟内已提醒过他们。</translation>
    </message>
    <message>
        <source>My announcements</source>
        <translation>我发布的公告</translation>
    </message>
    <message>
        <source>Remind them</source>
        <translation>提醒未读的人</translation>
    </message>
    <message>
        <source>Send the announcement again to those who have not acknowledged it</source>
        <translation>再次向尚未确认的人推送此公告</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>You have not posted an announcement yet.</source>
        <extracomment>%1 how many acknowledged, %2 how many received it</extracomment>
        <translation>你还没有发布过公告。</translation>
    </message>
    <message>
        <source>Acknowledged %1/%2</source>
        <translation>已确认 %1/%2</translation>
    </message>
    <message>
        <source>Seen %1/%2</source>
        <translation>已读 %1/%2</translation>
    </message>
    <message>
        <source>Not acknowledged yet (%1)</source>
        <translation>尚未确认（%1）</translation>
    </message>
    <message>
        <source>Not seen yet (%1)</source>
        <translation>尚未阅读（%1）</translation>
    </message>
    <message>
        <source>announcement-%1.csv</source>
        <extracomment>default file name of the acknowledgement export; keep it short, no slashes</extracomment>
        <translation>公告-%1.csv</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>lanchat::OrganisationPage</name>
    <message>
        <source>Send message</source>
        <extracomment>context menu of a person in the organisation tab: open the private chat</extracomment>
        <translation>发消息</translation>
    </message>
    <message>
        <source>Profile</source>
        <extracomment>context menu of a person in the organisation tab: show their profile card</extracomment>
        <translation>个人资料</translation>
    </message>
    <message>
        <source>No organisation chart yet.
Your administrator sets up departments on the server.</source>
        <translation>还没有组织架构。
管理员在服务器上设置部门。</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n people</source>
        <extracomment>header above the people of the selected department; %1 the department, %n how many are listed</extracomment>
        <translation>
            <numerusform>%1 · %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Create group from department</source>
        <extracomment>button for the manager of the selected department: a group chat with everyone in it and below it</extracomment>
        <translation>以部门建群</translation>
    </message>
    <message>
        <source>A new group chat with everyone in this department and its sub-departments</source>
        <translation>新建群聊，成员为本部门及其下级部门的所有人</translation>
    </message>
</context>
<context>
    <name>lanchat::PasswordForm</name>
    <message>
        <source>Your password was changed. Your other devices were logged out and must log in with the new password.</source>
        <translation>密码已修改。你的其他设备已被登出，需要用新密码重新登录。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>确认新密码：</translation>
    </message>
    <message>
        <source>At least %1 characters (%1 to %2 bytes; Chinese characters count 3 bytes each). Changing it logs out your other devices.</source>
        <extracomment>%1 and %2 are the shortest and longest password in bytes (8, 1024)</extracomment>
        <translation>至少 %1 个字符（%1 到 %2 字节，每个汉字算 3 字节）。修改后你的其他设备将被登出。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The new password must be %1 to %2 bytes long.</source>
        <translation>新密码长度须为 %1 到 %2 字节。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>正在修改密码…</translation>
    </message>
    <message>
        <source>The current password is wrong. After a few wrong tries you have to wait before trying again.</source>
        <translation>当前密码错误。多次输错后需要等待一段时间才能再试。</translation>
    </message>
</context>
<context>
    <name>lanchat::PastePreviewDialog</name>
    <message>
        <source>The image could not be prepared for sending.</source>
        <translation>无法准备要发送的图片。</translation>
    </message>
    <message>
        <source>The image is %1; this server accepts files up to %2.</source>
        <translation>图片大小为 %1，此服务器只接受不超过 %2 的文件。</translation>
    </message>
    <message>
        <source>“%1” is %2; this server accepts files up to %3.</source>
        <translation>“%1”大小为 %2，此服务器只接受不超过 %3 的文件。</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more file(s) too large.</source>
        <translation>
            <numerusform>……另有 %n 个文件过大。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only files can be sent, not folders: %1</source>
        <translation>只能发送文件，不能发送文件夹：%1</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>发送到 %1</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Send this image to %1?</source>
        <translation>将这张图片发送到 %1？</translation>
    </message>
    <message>
        <source>PNG image · %1 × %2 pixels · %3</source>
        <translation>PNG 图片 · %1 × %2 像素 · %3</translation>
    </message>
    <message numerus="yes">
        <source>Send %n file(s) to %1?</source>
        <translation>
            <numerusform>将 %n 个文件发送到 %1？</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>共计：%1</translation>
    </message>
    <message>
        <source>Not found, so not sent: %1</source>
        <translation>找不到，未发送：%1</translation>
    </message>
</context>
<context>
    <name>lanchat::ProfileCard</name>
    <message>
        <source>Status unknown while you are offline</source>
        <extracomment>profile card while the user's own connection is down: nobody's status is current</extracomment>
        <translation>您已离线，对方状态未知</translation>
    </message>
    <message>
        <source>Department</source>
        <extracomment>profile card: labels before the fields</extracomment>
        <translation>部门</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Send message</source>
        <extracomment>profile card button: open the private chat with this person</extracomment>
        <translation>发消息</translation>
    </message>
    <message>
        <source>Edit my profile…</source>
        <translation>编辑个人资料…</translation>
    </message>
</context>
<context>
    <name>lanchat::ProfileDialog</name>
    <message>
        <source>Choose a picture</source>
        <translation>选择图片</translation></message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation></message>
    <message>
        <source>This file is not a picture LanChat can read.</source>
        <translation>LanChat 无法读取此文件中的图片。</translation></message>
    <message>
        <source>The clipboard holds no picture.</source>
        <translation>剪贴板中没有图片。</translation></message>
    <message>
        <source>The display name cannot be empty.</source>
        <translation>显示名称不能为空。</translation></message>
    <message>
        <source>Your display name is locked by the administrator.</source>
        <translation>你的显示名称已被管理员锁定。</translation></message>
    <message>
        <source>A field is too long or holds a line break or another control character.</source>
        <translation>某个字段过长，或含有换行符等控制字符。</translation></message>
    <message>
        <source>Edit my profile</source>
        <translation>编辑个人资料</translation></message>
    <message>
        <source>Choose picture…</source>
        <translation>选择图片…</translation></message>
    <message>
        <source>Paste picture</source>
        <translation>粘贴图片</translation></message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation></message>
    <message>
        <source>🔒 Locked by the administrator: only they can change your display name.</source>
        <translation>🔒 已被管理员锁定：只有管理员可以修改你的显示名称。</translation></message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation></message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮件：</translation></message>
    <message>
        <source>Signature:</source>
        <translation>个性签名：</translation></message>
    <message>
        <source>One line, up to %1 characters</source>
        <extracomment>placeholder of the signature field; %1 the most characters allowed</extracomment>
        <translation>一行，最多 %1 个字</translation></message>
    <message>
        <source>Save</source>
        <translation>保存</translation></message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation></message>
    <message>
        <source>🏢 Greyed-out fields come from the company directory: ask your IT department to change them.</source>
        <translation>🏢 灰色字段来自公司目录：如需修改，请联系 IT 部门。</translation>
    </message>
</context>
<context>
    <name>lanchat::ProfileLink</name>
    <message>
        <source>View profile</source>
        <extracomment>menu entry and Ctrl+I on a person in a list: show their profile card</extracomment>
        <translation>查看个人资料</translation>
    </message>
</context>
<context>
    <name>lanchat::QuotePainter</name>
    <message>
        <source>Message recalled</source>
        <extracomment>the quote of a reply whose original its sender recalled (withdrew)</extracomment>
        <translation>该消息已撤回</translation>
    </message>
    <message>
        <source>Original message is no longer available</source>
        <extracomment>the quote of a reply whose original the server no longer keeps (deleted by retention)</extracomment>
        <translation>原消息已不可用</translation>
    </message>
</context>
<context>
    <name>lanchat::ReadReceiptLabel</name>
    <message>
        <source>Read</source>
        <extracomment>read receipt beside an own message in a private chat: the peer has read it</extracomment>
        <translation>已读</translation>
    </message>
    <message>
        <source>Sent</source>
        <extracomment>read receipt beside an own message in a private chat: stored, the peer has not read it yet (Chinese: 未读, as WeChat Work says)</extracomment>
        <translation>未读</translation>
    </message>
    <message>
        <source>%1/%2 read</source>
        <extracomment>read receipt beside an own message in a group: %1 of the %2 other members have read it; click for names</extracomment>
        <translation>%1/%2 已读</translation>
    </message>
</context>
<context>
    <name>lanchat::ReadersPopup</name>
    <message>
        <source>Who has read it</source>
        <translation>查看已读成员</translation>
    </message>
    <message>
        <source>Read (%1)</source>
        <extracomment>header of the names of the members who have read a group message; %1 is how many</extracomment>
        <translation>已读（%1）</translation>
    </message>
    <message>
        <source>Not read yet (%1)</source>
        <extracomment>header of the names of the members who have not read a group message yet; %1 is how many</extracomment>
        <translation>未读（%1）</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Everyone has read it</source>
        <translation>全部已读</translation>
    </message>
</context>
<context>
    <name>lanchat::RecallText</name>
    <message>
        <source>An administrator recalled a message</source>
        <translation>管理员撤回了一条消息</translation>
    </message>
    <message>
        <source>You recalled a message</source>
        <translation>你撤回了一条消息</translation>
    </message>
    <message>
        <source>%1 recalled a message</source>
        <extracomment>%1 is the display name of the member who recalled the message</extracomment>
        <translation>%1 撤回了一条消息</translation>
    </message>
</context>
<context>
    <name>lanchat::ReplyBar</name>
    <message>
        <source>Replying to %1: %2</source>
        <extracomment>above the message input while writing a reply; %1 is the sender of the message answered, %2 its first line</extracomment>
        <translation>回复 %1：%2</translation>
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>取消回复 (Esc)</translation>
    </message>
</context>
<context>
    <name>lanchat::ReplyController</name>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
</context>
<context>
    <name>lanchat::ScreenshotTool</name>
    <message>
        <source>Wayland does not let applications take screenshots. Use your desktop's screenshot tool, then paste the picture into the chat.</source>
        <translation>Wayland 不允许应用程序截取屏幕。请使用桌面自带的截图工具，再把图片粘贴到聊天中。</translation>
    </message>
    <message>
        <source>The screen could not be captured.</source>
        <translation>无法截取屏幕。</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
</context>
<context>
    <name>lanchat::SearchDock</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation>搜索消息(&amp;S)…</translation>
    </message>
    <message>
        <source>Search the messages and files of all conversations</source>
        <translation>搜索所有会话中的消息和文件</translation>
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation>在会话中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the messages and files of this conversation</source>
        <translation>搜索此会话中的消息和文件</translation>
    </message>
</context>
<context>
    <name>lanchat::SearchFilterBar</name>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>In: %1</source>
        <extracomment>search filter chip: only the conversation %1 is searched; clicking it searches all conversations</extracomment>
        <translation>会话：%1</translation>
    </message>
    <message>
        <source>Searching only in %1. Click to search all conversations.</source>
        <translation>只在“%1”中搜索。点击以搜索所有会话。</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>自定义日期…</translation>
    </message>
    <message>
        <source>When the message was sent</source>
        <translation>消息的发送时间</translation>
    </message>
    <message>
        <source>Who sent the message</source>
        <translation>消息的发送人</translation>
    </message>
    <message>
        <source>Files only</source>
        <translation>仅文件</translation>
    </message>
    <message>
        <source>Find files by their name</source>
        <translation>按文件名查找文件</translation>
    </message>
    <message>
        <source>From this day</source>
        <translation>从这一天起</translation>
    </message>
    <message>
        <source>Up to and including this day</source>
        <translation>到这一天为止（含当天）</translation>
    </message>
</context>
<context>
    <name>lanchat::SearchHitDelegate</name>
    <message>
        <source>%1: </source>
        <extracomment>search result: the sender's name in front of the excerpt of their message</extracomment>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>lanchat::SearchPanel</name>
    <message>
        <source>Search in this conversation</source>
        <translation>在此会话中搜索</translation>
    </message>
    <message>
        <source>Search all messages</source>
        <translation>搜索全部消息</translation>
    </message>
    <message>
        <source>Type words or part of a Chinese phrase to find messages and files.</source>
        <translation>输入词语或中文短语的一部分，查找消息和文件。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No messages match “%1”</source>
        <extracomment>%1 is what the user searched for</extracomment>
        <translation>没有与“%1”匹配的消息</translation>
    </message>
    <message>
        <source>Message search is not available: this server does not offer it.</source>
        <translation>无法搜索消息：此服务器不提供搜索功能。</translation>
    </message>
    <message>
        <source>Not connected. Search works again once you are back online.</source>
        <translation>未连接。重新连上服务器后即可搜索。</translation>
    </message>
    <message>
        <source>Words match by their beginning, Chinese anywhere in the text</source>
        <translation>英文等词语按开头匹配，中文可匹配文中任意位置</translation>
    </message>
</context>
<context>
    <name>lanchat::ServerChooser</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>entry of the discovered servers list: %1 server name, %2 address:port</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Searching the network… or type host:port</source>
        <translation>正在搜索局域网… 或输入 主机:端口</translation>
    </message>
</context>
<context>
    <name>lanchat::SettingsDialog</name>
    <message>
        <source>Download folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>host:port, used the next time you log in</source>
        <translation>主机:端口，下次登录时使用</translation>
    </message>
    <message>
        <source>Download folder:</source>
        <translation>下载文件夹：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Show desktop notifications for new messages</source>
        <translation>收到新消息时显示桌面通知</translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation>启动时最小化到托盘</translation>
    </message>
    <message>
        <source>Closing the window keeps LanChat running in the tray</source>
        <translation>关闭窗口后 LanChat 继续在托盘中运行</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Hide LanChat while taking a screenshot</source>
        <translation>截图时隐藏 LanChat 窗口</translation>
    </message>
    <message>
        <source>Start with the system</source>
        <translation>开机自启动</translation>
    </message>
    <message>
        <source>LanChat could not change %1: %2</source>
        <translation>LanChat 无法修改 %1：%2</translation>
    </message>
    <message>
        <source>Play a sound with each notification</source>
        <translation>通知时播放提示音</translation>
    </message>
    <message>
        <source>Start LanChat when I log in to the computer</source>
        <translation>登录电脑时自动启动 LanChat</translation>
    </message>
    <message>
        <source>Away after idle:</source>
        <translation>空闲后设为离开：</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <extracomment>suffix of the idle minutes before the status becomes "Away"</extracomment>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Your status becomes Away when you have not used the computer this long, and Online again when you are back</source>
        <translation>这么长时间未使用电脑时，你的状态自动变为“离开”，回来后恢复为“在线”</translation>
    </message>
</context>
<context>
    <name>lanchat::Sidebar</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>发起聊天</translation>
    </message>
    <message>
        <source>Pick a colleague from the contacts to chat with (double-click or Enter)</source>
        <translation>从联系人中选择同事开始聊天（双击或按 Enter）</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建群组</translation>
    </message>
    <message>
        <source>Unpin</source>
        <extracomment>context menu of a conversation in the list: keep it above the others</extracomment>
        <translation>取消置顶</translation>
    </message>
    <message>
        <source>Pin to top</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Search messages for “%1”</source>
        <extracomment>button under the sidebar's filtered lists; %1 is what the user typed into the sidebar's search box</extracomment>
        <translation>搜索包含“%1”的消息</translation>
    </message>
    <message>
        <source>Organisation</source>
        <extracomment>sidebar tab with the company's department tree and its people</extracomment>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Send message</source>
        <extracomment>context menu of a contact: open the private chat with them</extracomment>
        <translation>发消息</translation>
    </message>
</context>
<context>
    <name>lanchat::StatusBadgePainter</name>
    <message>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>chat header of a person: %1 is their status ("Busy"), %2 the text they set ("In a meeting")</extracomment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>lanchat::StatusButton</name>
    <message>
        <source>%1 · %2</source>
        <extracomment>the own status button: %1 is the user's name, %2 their status or status text</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Your status: %1. Click to change it.</source>
        <extracomment>tooltip of the own status button; %1 is e.g. "Busy — In a meeting"</extracomment>
        <translation>你的状态：%1。点击修改。</translation>
    </message>
</context>
<context>
    <name>lanchat::StatusMenu</name>
    <message>
        <source>Set status text</source>
        <translation>设置状态文字</translation>
    </message>
    <message>
        <source>What are you up to? (at most %1 characters, shown to everyone)</source>
        <extracomment>%1 is the most characters a status text may have (64)</extracomment>
        <translation>你在忙什么？（最多 %1 个字，所有人可见）</translation>
    </message>
    <message>
        <source>Set status text…</source>
        <translation>设置状态文字…</translation>
    </message>
    <message>
        <source>Clear status text</source>
        <translation>清除状态文字</translation>
    </message>
    <message>
        <source>Account…</source>
        <translation>账号…</translation>
    </message>
</context>
<context>
    <name>lanchat::StayLoggedInBox</name>
    <message>
        <source>Stay logged in</source>
        <translation>保持登录</translation>
    </message>
    <message>
        <source>No system keychain is running; LanChat will not remember this login.</source>
        <translation>系统钥匙串未运行，将不会记住本次登录。</translation>
    </message>
    <message>
        <source>Log in automatically when LanChat starts. The password is not stored: the server gives this computer a key, kept in the system keychain, that logging out or changing the password revokes.</source>
        <translation>LanChat 启动时自动登录。不会保存密码：服务器为这台电脑发放一个密钥，保存在系统钥匙串中，退出登录或修改密码后该密钥即失效。</translation>
    </message>
</context>
<context>
    <name>lanchat::TransferItemDelegate</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Checking</source>
        <extracomment>computing the SHA-256 checksum of a file before sending</extracomment>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>传输中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <extracomment>%1 is the reason a transfer failed</extracomment>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1% · %2 of %3</source>
        <extracomment>progress of a transfer: %1 percent, %2 bytes done, %3 total size</extracomment>
        <translation>%1% · %2 / %3</translation>
    </message>
</context>
<context>
    <name>lanchat::TransferManager</name>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>接收中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>失败（%1）</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>lanchat::TransfersPanel</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Retry all failed</source>
        <translation>重试全部失败项</translation>
    </message>
    <message>
        <source>Open download folder</source>
        <translation>打开下载文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <extracomment>summary above the transfers table</extracomment>
        <translation>
            <numerusform>%n 个进行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::TrayController</name>
    <message>
        <source>Show LanChat</source>
        <translation>显示 LanChat</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <source>LanChat — %n unread message(s)</source>
        <translation>
            <numerusform>LanChat — %n 条未读消息</numerusform>
        </translation>
    </message>
    <message>
        <source>LanChat</source>
        <translation>LanChat</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>one-line form of a message notification: %1 is "Group — Sender" or "Sender", %2 the message</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>notification title for a group message: %1 is the group's name, %2 the sender's</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>LanChat is still running</source>
        <translation>LanChat 仍在运行</translation>
    </message>
    <message>
        <source>LanChat keeps running in the tray so you still get messages. To quit, use Quit in the tray icon's menu or in the LanChat menu.</source>
        <translation>LanChat 会在系统托盘中继续运行，以便您继续接收消息。要退出，请使用托盘图标菜单或“LanChat”菜单中的“退出”。</translation>
    </message>
    <message>
        <source>%1 — do not disturb: only mentions of you notify</source>
        <extracomment>tray tooltip while the user's status is do-not-disturb; %1 is the usual tooltip</extracomment>
        <translation>%1 — 勿扰：仅 @我 的消息提醒</translation>
    </message>
</context>
<context>
    <name>lanchat::TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <extracomment>conversation header while others type; %1 is one name, or several joined by ", "</extracomment>
        <translation>%1 正在输入…</translation>
    </message>
    <message>
        <source>%1 are typing…</source>
        <translation>%1 正在输入…</translation>
    </message>
</context>
<context>
    <name>lanchat::UnreadDividerDelegate</name>
    <message>
        <source>New messages</source>
        <extracomment>the line above the first message the user had not read when opening the chat</extracomment>
        <translation>以下为新消息</translation>
    </message>
</context>
<context>
    <name>lanchat::UnreadJumper</name>
    <message numerus="yes">
        <source>↑ %n new message(s)</source>
        <extracomment>floating button over a chat: scrolls up to the first message that was unread when the chat was opened</extracomment>
        <translation>
            <numerusform>↑ %n 条新消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the first unread message</source>
        <translation>跳到第一条未读消息</translation>
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation>跳到最新消息</translation>
    </message>
</context>
</TS>

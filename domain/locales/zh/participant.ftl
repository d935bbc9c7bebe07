# Hearth participant pages, Chinese in simplified script (zh, zh-CN, zh-SG, zh-Hans).
# Status: MACHINE-DRAFTED from the English catalog (en/participant.ftl), December 2026.
#   Not yet reviewed by a community translator. See docs/translating.md before use.
# Instrument statements (item-*): drafted from the English wording; flagged for review.
#   Their meaning must stay exactly that of the English; never reword them to sound nicer.
# Register: 你 (informal), plain Mandarin written style. Chinese has no plural forms:
#   every number takes the *[other] variant.

site-name = Hearth
# The language's own name (the language switch) and its name in English (staff pages).
language-name = 简体中文
language-name-english = Chinese (Simplified)
lang-switch = 语言
footer-privacy = 我们保存什么

## 首页：输入代码

home-title = 告诉我们你在小组里的感受
home-intro = 请输入小组给你看的代码。
home-code-label = 聚会代码
home-code-hint = 它看起来像 { $example }。
home-start = 开始
home-anonymous = 不用名字。不用账号。没有任何能找到你的信息。

## 问卷

form-title = 今天的小组让你感觉怎么样？
form-group = 小组：{ $circle }
form-intro = 大约需要一分钟。任何问题都可以跳过。
form-anonymous = 我们不问你的名字。我们不保存任何可能找到你的信息。
you-said-heading = 你们说了，我们做了
scale-1 = 非常不同意
scale-2 = 不同意
scale-3 = 不确定
scale-4 = 同意
scale-5 = 非常同意
scale-skip = 我不想回答
# Under each row of 1–5 on a phone, where only the numbers fit in the row.
scale-low = 1 = { scale-1 }
scale-high = 5 = { scale-5 }
item-belong = 今天我觉得自己属于这个小组。
item-welcome = 我觉得这个小组欢迎我。
item-heard = 我发言时，大家真的在听。
item-safe_to_share = 我觉得可以放心说出心里的想法。
item-not_judged = 在这里我没有觉得被评判。
item-confidential = 我相信在这里分享的内容会留在这里。
item-own_pace = 我想分享多少就分享多少，多少都可以。
item-better = 离开时，我比来的时候感觉好了一点。
first_time-legend = 这是你第一次参加这个小组吗？
first_time-yes = 是
first_time-no = 不是
helped-legend = 今天什么对你有帮助？符合的都可以选。
helped-listened = 有人倾听我
helped-stories = 听到别人的故事
helped-ground_rules = 清楚的小组规则
helped-welcome = 感到被欢迎
helped-facilitator = 小组带领人
hindered-legend = 今天什么妨碍了你？符合的都可以选。
hindered-dominated = 有人一直占着说话
hindered-advice = 我没有要的建议
hindered-judged = 感到被评判
hindered-privacy = 担心隐私
hindered-rushed = 感到被催促
ticket-label = 票码（在你的卡片上）
ticket-title = 你的票码
ticket-intro = 这个小组使用票卡。请输入卡片上的代码开始。你也可以扫描卡片上的二维码。
ticket-hint = 它由 20 个字母和数字组成，例如 { $example }。小写字母、空格和短横线都可以。
ticket-continue = 继续
ticket-private = 你的票只说明有一张卡被用过。它和你的回答分开保存，两者之间没有任何联系。
form-send = 提交我的回答

## 问题。每条都说明发生了什么、该怎么做；回答会留在问卷里。

problem-title = 抱歉
problem-summary = 有地方需要看一下。你的回答还在这里。
problem-out-of-range = 请在这里选择一个选项。
problem-unknown-field = 问卷发送了我们不认识的内容。没有保存任何东西。请检查你的回答，再发送一次。
problem-malformed = 我们读不了发送的内容。没有保存任何东西。请再试一次。
problem-too-large = 发送的内容超过了这个问卷能接收的大小。没有保存任何东西。请再试一次。
problem-nothing-answered = 你没有回答任何问题，所以没有保存任何东西。你可以回答任何想回答的问题，或者直接关闭这个页面。这样也完全可以。
problem-session-unknown = 我们找不到这个代码。请检查后再试一次。
problem-session-closed = 这次聚会的问卷已经关闭。谢谢你愿意分享。
problem-session-full = 这次聚会已经收到了它能接收的全部回答。谢谢你愿意分享。
problem-ticket-required = 这次聚会需要你卡片上的票码。
problem-ticket-unknown = 我们不认识这个票码。请检查你的卡片。
problem-ticket-used = 这张票已经用过了。每张票只能用一次。
problem-ticket-empty = 请输入你卡片上的代码。
problem-unavailable = 我们现在无法保存你的回答。回答还在这里。请稍后再试。
problem-uncertain = 我们可能已经保存了你的回答，但无法确认。请不要再次发送：如果已经保存，只会算一次。
problem-form-unknown = 我们无法核对这份问卷，所以没有保存任何东西。你的回答还在这里。请再发送一次。
problem-not-found = 我们找不到这个页面。
problem-back-home = 输入代码

## 谢谢

thanks-title = 谢谢你
thanks-saved = 你的回答已保存。
thanks-kept-heading = 我们保存了什么
thanks-kept = 只有你的回答，以及它们属于哪一次小组聚会。
thanks-not-kept-heading = 我们没有保存什么
thanks-not-kept = 你的名字、你的手机或电脑、你的网络地址，或你回答的时间。
thanks-use = 你的回答会和其他人的回答加在一起。看结果的人只能看到回答足够多的小组的总数，永远看不到某一个人说了什么。我们还会加入一点随机干扰来保护你。
thanks-crisis = 正处于危机中，或想伤害自己？请拨打或发短信至 988（美国），全天 24 小时都可以。
thanks-close = 现在可以关闭这个页面了。
# The same form sent again after it was saved (the back button, a double tap): nothing more is stored.
thanks-already-saved = 你的回答已经保存过了——谢谢你。不需要再发送一次。

## 隐私：我们保存的数据

privacy-title = 我们保存什么，不保存什么
privacy-intro = Hearth 询问一次小组聚会给人的感受。它的设计让看结果的人永远看不到某一个人说了什么，我们保存的任何内容也不会指向你。
privacy-kept-heading = 每一份回答我们保存什么
privacy-kept-session = 它属于哪一次小组聚会，以及那次聚会的日期。
privacy-kept-answers = 你选择的回答。跳过的问题保持空白。
privacy-kept-version = 你看到的是哪个版本的问题。
privacy-not-heading = 我们从不保存什么
privacy-not-name = 你的名字、电子邮箱或电话号码。我们从来不问。
privacy-not-address = 你的网络（IP）地址。它不会被保存，也不会写进任何日志。
privacy-not-device = 你的浏览器或设备信息。这些页面不设置任何 Cookie。
privacy-not-time = 你回答的时间。你的回答只带有聚会的日期。
privacy-not-order = 大家回答的先后顺序。
privacy-not-ticket = 你用了哪一张票。票码和回答分开保存，两者之间没有任何联系。
privacy-how-long-heading = 我们保存你的回答多久
privacy-how-long = 工作人员收到你的回答所在月份和所在季度的总数之后，{ $days ->
       *[other] { $days } 天
    }内你的回答就会被删除。之后只保留这些总数。我们也要求运行 Hearth 的人定期删除旧的备份。
privacy-shown-heading = 工作人员能看到什么
privacy-shown = 看结果的工作人员只能看到总数：每个小组，按月份。回答太少的小组会被隐藏。他们永远看不到某一个人说了什么，也看不到某一次聚会的回答。如果你填写纸质问卷，录入它的工作人员会看到这份问卷，但不知道是谁填的。
privacy-protected-heading = 你的回答受到多少保护
privacy-noise = 在工作人员看到任何总数之前，我们会故意给它加上一个小的随机数。它会模糊你的回答带来的变化，所以总数几乎看不出你的回答是否在里面，或你选了什么。
privacy-per-person = { $times ->
        [1] 这个设置保护每人每月一次回答。如果你回答得更频繁，比如每周一次，没有任何东西会把你的回答和你联系起来，也不会把这些回答彼此联系起来。但它们加在一起会让总数变化更大：4 次回答对总数的影响是一次的 4 倍，而随机数的大小不变。所以总数透露的关于你说了什么的信息，会比一次回答更多。
        [2] 这个设置保护每人每月最多 2 次回答。如果你回答得更频繁，比如每周一次，没有任何东西会把你的回答和你联系起来，也不会把这些回答彼此联系起来。但它们加在一起对总数的影响超过了随机数的设定范围，所以总数会透露更多你说了什么。
        [3] 这个设置保护每人每月最多 3 次回答。如果你回答得更频繁，比如每周一次，没有任何东西会把你的回答和你联系起来，也不会把这些回答彼此联系起来。但它们加在一起对总数的影响超过了随机数的设定范围，所以总数会透露更多你说了什么。
       *[other] 这个设置保护每人每月最多 { $times } 次回答，所以每周都来的人也在保护范围内。如果你回答得比这更频繁，总数会透露更多你说了什么。
    }
privacy-months = 每个月单独保护。如果你一个月接一个月地来，总数可能透露的关于你的信息会随时间累积。我们保存的任何内容都不会把你的回答和你联系起来。
privacy-skip = 每个问题都可以跳过。
problem-unavailable-read = 现在无法打开。请稍后再试。

## Ticket cards: printed at the staff desk, read by participants

card-title = 今天的小组怎么样？
card-how = 扫描二维码，或打开下面的网址并输入票码。
card-promise = 匿名。只能用一次。
date-long = { $year }年{ $month }{ $day }日 { $weekday }
weekday-1 = 星期一
weekday-2 = 星期二
weekday-3 = 星期三
weekday-4 = 星期四
weekday-5 = 星期五
weekday-6 = 星期六
weekday-7 = 星期日
# Month names carry their 月: date-long writes "2026年11月3日".
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

## Kiosk mode: one tablet passed from person to person

kiosk-shared = 这台平板是大家共用的。下一个人看不到你的回答。
kiosk-stay = 我需要更多时间
kiosk-next = 下一位
kiosk-returning = { $seconds ->
   *[other] 这个页面将在 { $seconds } 秒后回到空白问卷。
}

## Paper forms: printed at the staff desk, filled in by hand

paper-how = 每一行勾选一个方框。想跳过就把那一行留空。
paper-session = 聚会 { $code } · { $date }
paper-no-name = 请不要在这张纸上写你的名字或其他任何内容。把它折起来交回。
paper-typed = 工作人员会录入你勾选的内容。他们不记录谁录入了哪一份问卷，也不记录问卷交回的顺序。
paper-not-kept = 你的名字，或你回答的时间。
paper-protected = { $times ->
        [1] 看结果的人只能看到整个小组、整个月的总数，并加入了一点随机干扰。干扰的设定保护每人每月一次回答：如果你每周都回答，你的回答加在一起受到的保护会少一些。
       *[other] 看结果的人只能看到整个小组、整个月的总数，并加入了一点随机干扰，设定为保护每人每月最多 { $times } 次回答。
    }

# Hearth participant pages, Arabic (ar), Modern Standard Arabic, written right to left.
# Status: MACHINE-DRAFTED from the English catalog (en/participant.ftl), December 2026.
#   Not yet reviewed by a community translator. See docs/translating.md before use.
# Instrument statements (item-*): drafted from the English wording; flagged for review.
#   Their meaning must stay exactly that of the English; never reword them to sound nicer.
# Register: second person singular, grammatically masculine as the generic form; a
#   reviewer may prefer plural address. Digits: Western (0–9), as on the paper form's boxes.
# Plurals: Fluent picks zero / one / two / few / many / other from the number.

site-name = Hearth
# The language's own name (the language switch) and its name in English (staff pages).
language-name = العربية
language-name-english = Arabic
lang-switch = اللغة
footer-privacy = ما نحتفظ به

## الصفحة الرئيسية: إدخال الرمز

home-title = أخبرنا كيف كان شعورك في المجموعة
home-intro = اكتب الرمز الذي تعرضه عليك مجموعتك.
home-code-label = رمز الجلسة
home-code-hint = يبدو هكذا: { $example }.
home-start = ابدأ
home-anonymous = بلا اسم. بلا حساب. لا شيء يدل عليك.

## الاستبيان

form-title = كيف كان شعورك في المجموعة اليوم؟
form-group = المجموعة: { $circle }
form-intro = يستغرق دقيقة تقريبًا. تخطَّ ما تشاء.
form-anonymous = لا نسأل عن اسمك. ولا نحتفظ بأي شيء قد يدل عليك.
you-said-heading = قلتم، وفعلنا
scale-1 = لا أوافق بشدة
scale-2 = لا أوافق
scale-3 = لست متأكدًا
scale-4 = أوافق
scale-5 = أوافق بشدة
scale-skip = أفضّل ألا أجيب
# Under each row of 1–5 on a phone, where only the numbers fit in the row.
scale-low = 1 = { scale-1 }
scale-high = 5 = { scale-5 }
item-belong = شعرت اليوم أنني أنتمي إلى هذه المجموعة.
item-welcome = شعرت أن المجموعة رحّبت بي.
item-heard = عندما تكلمت، أصغى إليّ الناس حقًا.
item-safe_to_share = شعرت بالأمان لأشارك ما كان في ذهني.
item-not_judged = لم أشعر أن أحدًا يحكم عليّ هنا.
item-confidential = أثق أن ما يُقال هنا يبقى هنا.
item-own_pace = استطعت أن أشارك بالقدر الذي أردته، كثيرًا أو قليلًا.
item-better = أغادر وأنا أفضل حالًا قليلًا مما كنت عليه عندما وصلت.
first_time-legend = هل هذه أول مرة تحضر فيها هذه المجموعة؟
first_time-yes = نعم
first_time-no = لا
helped-legend = ما الذي ساعدك اليوم؟ اختر كل ما ينطبق.
helped-listened = أن يُصغى إليّ
helped-stories = سماع قصص الآخرين
helped-ground_rules = قواعد واضحة
helped-welcome = الشعور بالترحيب
helped-facilitator = ميسّر المجموعة
hindered-legend = ما الذي أعاقك؟ اختر كل ما ينطبق.
hindered-dominated = شخص استحوذ على الحديث
hindered-advice = نصائح لم أطلبها
hindered-judged = الشعور بأن أحدًا يحكم عليّ
hindered-privacy = القلق على خصوصيتي
hindered-rushed = الشعور بالاستعجال
ticket-label = رمز التذكرة (على بطاقتك)
ticket-title = رمز تذكرتك
ticket-intro = تستخدم هذه المجموعة بطاقات تذاكر. اكتب الرمز الموجود على بطاقتك لتبدأ. يمكنك أيضًا مسح رمز QR الموجود على البطاقة.
ticket-hint = يتكون من 20 حرفًا ورقمًا، مثل { $example }. لا بأس بالحروف الصغيرة والمسافات والشرطات.
ticket-continue = متابعة
ticket-private = تذكرتك تُظهر فقط أن بطاقة قد استُخدمت. تُحفظ بعيدًا عن إجاباتك، دون أي صلة بينهما.
form-send = أرسل إجاباتي

## مشكلات. كل رسالة تقول ما حدث وما العمل؛ وتبقى الإجابات في الاستبيان.

problem-title = عذرًا
problem-summary = هناك شيء يحتاج إلى مراجعة. إجاباتك ما زالت هنا.
problem-out-of-range = من فضلك اختر أحد الخيارات هنا.
problem-unknown-field = أرسل الاستبيان شيئًا لا نعرفه. لم يُحفظ شيء. من فضلك راجع إجاباتك وأرسلها مرة أخرى.
problem-malformed = لم نستطع قراءة ما أُرسل. لم يُحفظ شيء. من فضلك حاول مرة أخرى.
problem-too-large = كان ذلك أكثر مما يستطيع هذا الاستبيان استقباله. لم يُحفظ شيء. من فضلك حاول مرة أخرى.
problem-nothing-answered = لم تُجب عن أي سؤال، لذلك لم يُحفظ شيء. يمكنك الإجابة عمّا تشاء، أو إغلاق هذه الصفحة فقط. وهذا لا بأس به أيضًا.
problem-session-unknown = لم نجد هذا الرمز. من فضلك تحقق منه وحاول مرة أخرى.
problem-session-closed = هذه الجلسة مغلقة الآن. شكرًا لرغبتك في المشاركة.
problem-session-full = هذه الجلسة استقبلت كل الإجابات التي تستطيع استقبالها. شكرًا لرغبتك في المشاركة.
problem-ticket-required = تحتاج هذه الجلسة إلى رمز التذكرة الموجود على بطاقتك.
problem-ticket-unknown = لا نعرف رمز التذكرة هذا. من فضلك تحقق من بطاقتك.
problem-ticket-used = استُخدمت هذه التذكرة من قبل. كل تذكرة تعمل مرة واحدة.
problem-ticket-empty = من فضلك اكتب الرمز الموجود على بطاقتك.
problem-unavailable = لم نستطع حفظ إجاباتك الآن. ما زالت هنا. من فضلك حاول مرة أخرى بعد قليل.
problem-uncertain = ربما حفظنا إجاباتك، لكننا لم نستطع التأكد من ذلك. من فضلك لا ترسلها مرة أخرى: إن كانت قد حُفظت فهي تُحسب مرة واحدة.
problem-form-unknown = لم نستطع التحقق من هذا الاستبيان، لذلك لم يُحفظ شيء. إجاباتك ما زالت هنا. من فضلك أرسلها مرة أخرى.
problem-not-found = لم نجد هذه الصفحة.
problem-back-home = أدخل رمزًا

## شكرًا

thanks-title = شكرًا لك
thanks-saved = حُفظت إجاباتك.
thanks-kept-heading = ما احتفظنا به
thanks-kept = إجاباتك فقط، ولأي اجتماع من اجتماعات المجموعة هي.
thanks-not-kept-heading = ما لم نحتفظ به
thanks-not-kept = اسمك، أو هاتفك أو حاسوبك، أو عنوان الإنترنت الخاص بك، أو وقت إجابتك.
thanks-use = تُجمع إجاباتك مع إجابات الآخرين. من يقرأ النتائج يرى فقط مجاميع للمجموعات التي لديها إجابات كافية، ولا يرى أبدًا ما قاله شخص واحد. ونضيف قليلًا من التشويش العشوائي لحمايتك.
thanks-crisis = هل تمر بأزمة أو تفكر في إيذاء نفسك؟ اتصل أو أرسل رسالة نصية إلى 988 (في الولايات المتحدة)، في أي وقت، ليلًا أو نهارًا.
thanks-close = يمكنك إغلاق هذه الصفحة الآن.
# The same form sent again after it was saved (the back button, a double tap): nothing more is stored.
thanks-already-saved = حُفظت إجاباتك من قبل — شكرًا لك. لا داعي لإرسالها مرة أخرى.

## الخصوصية: قائمة البيانات

privacy-title = ما نحتفظ به، وما لا نحتفظ به
privacy-intro = يسأل Hearth عن شعورك في اجتماع مجموعة. وهو مصمم بحيث لا يرى من يقرأ النتائج أبدًا ما قاله شخص واحد، ولا شيء مما نحتفظ به يدل عليك.
privacy-kept-heading = ما نحتفظ به عن كل مجموعة إجابات
privacy-kept-session = لأي اجتماع من اجتماعات المجموعة هي، وتاريخ ذلك الاجتماع.
privacy-kept-answers = الإجابات التي اخترتها. الأسئلة التي تخطيتها تبقى فارغة.
privacy-kept-version = أي نسخة من الأسئلة رأيت.
privacy-not-heading = ما لا نحتفظ به أبدًا
privacy-not-name = اسمك أو بريدك الإلكتروني أو رقم هاتفك. لا نسأل عنها أبدًا.
privacy-not-address = عنوان الإنترنت (IP) الخاص بك. لا يُحفظ ولا يُكتب في أي سجل.
privacy-not-device = تفاصيل متصفحك أو جهازك. لا تضع هذه الصفحات أي ملفات تعريف ارتباط (كوكيز).
privacy-not-time = وقت إجابتك. تحمل إجاباتك تاريخ الاجتماع فقط.
privacy-not-order = الترتيب الذي أجاب به الناس.
privacy-not-ticket = أي تذكرة استخدمت. تُحفظ رموز التذاكر بعيدًا عن الإجابات، دون أي صلة بينهما.
privacy-how-long-heading = كم من الوقت نحتفظ بإجاباتك
privacy-how-long = تُحذف إجاباتك بعد { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    } من تسلّم الموظفين للمجاميع الخاصة بشهرها وبربع السنة الذي يضمه. بعد ذلك لا يُحتفظ إلا بتلك المجاميع. ونطلب من القائمين على تشغيل Hearth حذف النسخ الاحتياطية القديمة بانتظام أيضًا.
privacy-shown-heading = ما يراه الموظفون
privacy-shown = يرى الموظفون الذين يقرؤون النتائج المجاميع فقط: لكل مجموعة، شهرًا بشهر. المجموعات التي لديها إجابات قليلة جدًا تُخفى. لا يرون أبدًا ما قاله شخص واحد، ولا إجابات اجتماع واحد. إذا ملأت استبيانًا ورقيًا، فالموظف الذي يُدخله يرى ذلك الاستبيان، لكنه لا يعرف لمن هو.
privacy-protected-heading = مدى حماية إجاباتك
privacy-noise = قبل أن يرى الموظفون أي مجموع، نضيف إليه عمدًا عددًا عشوائيًا صغيرًا. هذا العدد يطمس التغيير الذي تُحدثه إجاباتك، فلا تكشف المجاميع إلا القليل عن وجود إجاباتك فيها أو عمّا اخترته.
privacy-per-person = { $times ->
        [1] هذا مضبوط لحماية إجابة واحدة في الشهر من كل شخص. إذا أجبت أكثر من ذلك، كل أسبوع مثلًا، فلا شيء يربط إجاباتك بك أو ببعضها. لكنها معًا تغيّر المجاميع أكثر: 4 إجابات تغيّر المجموع 4 أضعاف ما تغيره إجابة واحدة، بينما يبقى العدد العشوائي بالحجم نفسه. لذلك تكشف المجاميع عمّا قلته أكثر مما تكشفه عن إجابة واحدة.
        [2] هذا مضبوط لحماية ما يصل إلى 2 من الإجابات في الشهر من كل شخص. إذا أجبت أكثر من ذلك، كل أسبوع مثلًا، فلا شيء يربط إجاباتك بك أو ببعضها. لكنها معًا تغيّر المجاميع أكثر مما ضُبط له العدد العشوائي، لذلك تكشف المجاميع أكثر عمّا قلته.
        [3] هذا مضبوط لحماية ما يصل إلى 3 من الإجابات في الشهر من كل شخص. إذا أجبت أكثر من ذلك، كل أسبوع مثلًا، فلا شيء يربط إجاباتك بك أو ببعضها. لكنها معًا تغيّر المجاميع أكثر مما ضُبط له العدد العشوائي، لذلك تكشف المجاميع أكثر عمّا قلته.
       *[other] هذا مضبوط لحماية ما يصل إلى { $times } من الإجابات في الشهر من كل شخص، فمن يحضر كل أسبوع مشمول بالحماية. إذا أجبت أكثر من ذلك، تكشف المجاميع أكثر عمّا قلته.
    }
privacy-months = كل شهر محمي وحده. إذا حضرت شهرًا بعد شهر، فما يمكن أن تكشفه المجاميع عنك يتراكم مع الوقت. لا شيء مما نحتفظ به يربط إجاباتك بك.
privacy-skip = يمكنك تخطي أي سؤال.
problem-unavailable-read = لا نستطيع فتح هذا الآن. من فضلك حاول مرة أخرى بعد قليل.

## Ticket cards: printed at the staff desk, read by participants

card-title = كيف كانت المجموعة اليوم؟
card-how = امسح رمز QR، أو اذهب إلى العنوان أدناه واكتب رمز التذكرة.
card-promise = دون ذكر الاسم. تعمل مرة واحدة.
date-long = { $weekday } { $day } { $month } { $year }
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

## Kiosk mode: one tablet passed from person to person

kiosk-shared = هذا الجهاز اللوحي مشترك. الشخص التالي لن يرى إجاباتك.
kiosk-stay = أحتاج إلى وقت أطول
kiosk-next = الشخص التالي
kiosk-returning = { $seconds ->
    [zero] تعود هذه الصفحة إلى استبيان فارغ بعد { $seconds } ثانية.
    [one] تعود هذه الصفحة إلى استبيان فارغ بعد ثانية واحدة ({ $seconds }).
    [two] تعود هذه الصفحة إلى استبيان فارغ بعد ثانيتين ({ $seconds }).
    [few] تعود هذه الصفحة إلى استبيان فارغ بعد { $seconds } ثوانٍ.
    [many] تعود هذه الصفحة إلى استبيان فارغ بعد { $seconds } ثانية.
   *[other] تعود هذه الصفحة إلى استبيان فارغ بعد { $seconds } ثانية.
}

## Paper forms: printed at the staff desk, filled in by hand

paper-how = ضع علامة في مربع واحد في كل سطر. اترك السطر فارغًا لتتخطاه.
paper-session = الجلسة { $code } · { $date }
paper-no-name = من فضلك لا تكتب اسمك ولا أي شيء آخر على هذه الورقة. اطوِها وأعِدها.
paper-typed = يُدخل الموظفون علاماتك. لا يحتفظون بمن أدخل أي استبيان، ولا بترتيب وصول الاستبيانات.
paper-not-kept = اسمك، أو وقت إجابتك.
paper-protected = { $times ->
        [1] يرى من يقرأ النتائج المجاميع فقط لمجموعة كاملة ولشهر كامل، مع قليل من التشويش العشوائي. التشويش مضبوط لحماية إجابة واحدة في الشهر: إذا أجبت كل أسبوع، فإجاباتك معًا محمية بدرجة أقل.
       *[other] يرى من يقرأ النتائج المجاميع فقط لمجموعة كاملة ولشهر كامل، مع قليل من التشويش العشوائي، مضبوط لحماية ما يصل إلى { $times } من الإجابات في الشهر من شخص واحد.
    }

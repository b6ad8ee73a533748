# The theme's words in Modern Standard Arabic, written right to left. Arabic
# has six plural forms: zero, one, two, few (3-10), many (11-99) and other
# (100 and up). A site's theme may replace any message in
# themes/NAME/i18n/ar.ftl.

# The language's own name, for the language switcher.
language-name = العربية
languages-label = اللغة
# Between the steps of a journey, pointing the way the language reads.
arrow = ←

## Counts and durations.

stories-count = { $count ->
    [zero] لا توجد قصص
    [one] قصة واحدة
    [two] قصتان
    [few] { $count } قصص
    [many] { $count } قصة
   *[other] { $count } قصة
}
months-count = { $count ->
    [zero] أقل من شهر
    [one] شهر واحد
    [two] شهران
    [few] { $count } أشهر
    [many] { $count } شهرًا
   *[other] { $count } شهر
}
years-count = { $count ->
    [zero] أقل من سنة
    [one] سنة واحدة
    [two] سنتان
    [few] { $count } سنوات
    [many] { $count } سنة
   *[other] { $count } سنة
}
under-a-month = أقل من شهر
# A step of a journey: $years whole years and $months more months.
duration-years-months = { $years ->
    [one] سنة
    [two] سنتان
    [few] { $years } سنوات
   *[other] { $years } سنة
} و{ $months ->
    [one] شهر
    [two] شهران
    [few] { $months } أشهر
   *[other] { $months } شهرًا
}

## Dates.

month-short = { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
}
month-long = { month-short }
date-month = { month-short } { $year }
date-day = { $day } { month-long } { $year }

## The story page.

journey = المسار
present = حتى الآن
at-a-glance = لمحة سريعة
fact-now = الآن
fact-based-in = المكان
fact-first-move = أول انتقال بعد
fact-span = من أول وظيفة حتى اليوم
fact-programs = البرامج
fact-departments = الأقسام
tags = الوسوم
skills = المهارات
links = روابط
share-heading = شارك هذه القصة
share-copy = انسخ الرابط
share-native = مشاركة…
share-email = البريد الإلكتروني
share-kit = حزمة مشاركة للطباعة مع رمز QR
cta-heading = ابدأ من حيث بدأ { $name }
cta-started-as = بدأ { $name } بوظيفة { $role }.
cta-open-now = { $count ->
    [one] هناك وظيفة واحدة شاغرة الآن:
    [two] هناك وظيفتان شاغرتان الآن:
    [few] هناك { $count } وظائف شاغرة الآن:
   *[other] هناك { $count } وظيفة شاغرة الآن:
}
cta-see-all = اطّلع على جميع وظائف { $role } ({ $count })
cta-no-opening = لا توجد وظيفة شاغرة لهذا الدور الآن، لكن يمكنك التقدّم للانضمام إلينا.
cta-now = يعمل { $name } الآن بوظيفة { $role }:
cta-now-open = { $count ->
    [one] وظيفة واحدة شاغرة في هذا الدور
    [two] وظيفتان شاغرتان في هذا الدور
    [few] { $count } وظائف شاغرة في هذا الدور
   *[other] { $count } وظيفة شاغرة في هذا الدور
}
cta-every-opening = كل الوظائف الشاغرة
related-heading = قصص مشابهة

## On every page.

skip-link = انتقل إلى المحتوى
nav-label = الموقع
nav-stories = القصص
nav-paths = المسارات المهنية
nav-jobs = الوظائف
nav-collections = المجموعات
alumni-stories = { $count ->
    [zero] لا توجد قصص للزملاء السابقين
    [one] قصة واحدة لزميل سابق
    [two] قصتان لزملاء سابقين
    [few] { $count } قصص لزملاء سابقين
   *[other] { $count } قصة لزملاء سابقين
}
footer-feed = خلاصة Atom
# A card: "2 years to Product Manager".
card-span = { $span } حتى { $role }
pages-label = الصفحات
newer-stories = قصص أحدث
older-stories = قصص أقدم
no-stories = لا توجد قصص هنا بعد.
not-found-title = الصفحة غير موجودة
not-found-lead = هذه الصفحة غير موجودة، أو أُزيلت القصة.
not-found-all = اطّلع على كل القصص
not-found-or = أو
not-found-paths = استكشف المسارات المهنية

## Collections, tags, facets and departments.

collections-heading = المجموعات
collections-lead = قصص الزملاء السابقين مختارة حسب الموضوع.
collections-lead-company = قصص الزملاء السابقين اختارها مسؤولو التوظيف في { $company } حسب الموضوع.
collection-faces = بعض قصصها
collection-eyebrow = مجموعة
tag-eyebrow = وسم
facet-combine = ادمج مع عوامل تصفية أخرى
department-eyebrow = قسم
department-roles = الأدوار

## Role pages and the moves between roles.

role-eyebrow = دور
open-positions = الوظائف الشاغرة
open-positions-count = { $count ->
    [zero] لا توجد وظائف شاغرة
    [one] وظيفة واحدة شاغرة
    [two] وظيفتان شاغرتان
    [few] { $count } وظائف شاغرة
   *[other] { $count } وظيفة شاغرة
}
role-none-open = لا توجد وظيفة { $role } شاغرة الآن.
role-apply-anyway = لا يزال بإمكانك التقدّم للانضمام إلينا.
role-arrivals-heading = كيف وصلوا إلى هنا
role-next-heading = إلى أين انتقلوا بعد ذلك
role-results = { $count ->
    [one] قصة واحدة تمرّ بهذا الدور
    [two] قصتان تمرّان بهذا الدور
    [few] { $count } قصص تمرّ بهذا الدور
   *[other] { $count } قصة تمرّ بهذا الدور
}
move-unlisted = انتقال قام به زملاء سابقون، وليس مسارًا مُدرجًا.
move-typical = { $months ->
    [one] عادةً شهر واحد.
    [two] عادةً شهران.
    [few] عادةً { $months } أشهر.
   *[other] عادةً { $months } شهرًا.
}
# Follows the count of stories: "4 stories, median 18 months in role".
move-median = { $months ->
    [one] ، والوسيط شهر واحد في الدور
    [two] ، والوسيط شهران في الدور
    [few] ، والوسيط { $months } أشهر في الدور
   *[other] ، والوسيط { $months } شهرًا في الدور
}
role-typical = { $kind ->
    [less] أقل من شهر
    [one-month] نحو شهر
    [months] نحو { $months } أشهر
    [year] نحو سنة
    [year-half] نحو سنة ونصف
    [two-years] نحو سنتين
    [two-half-years] نحو سنتين ونصف
   *[years] نحو { $years } سنوات
}
role-moved-on = { $count ->
    [one] الشخص الوحيد الذي انتقل فعل ذلك بعد
   *[other] ينتقل معظم الناس بعد
}
role-moved-to = { $count ->
    [one] إلى
   *[other] { $all ->
        [yes] جميعهم إلى
       *[no] غالبًا إلى
    }
}
role-now = { $count ->
    [one] من زملائنا السابقين في هذا الدور الآن.
   *[other] من زملائنا السابقين في هذا الدور الآن.
}
role-arrived-from = وصل الناس إلى هنا من
list-and = و
move-program = عبر <strong>{ $program }</strong>{ $duration ->
    [none] {""}
   *[other] {" "}({ $duration } أشهر)
}.
role-description = قصص الزملاء السابقين الذين مرّوا بدور { $role }.
department-description = قصص الزملاء السابقين الذين مرّوا بقسم { $department }.

## The home page and its filters.

hero-eyebrow = الوظائف في { $company }
hero-openings = { $count ->
    [one] اطّلع على الوظيفة الشاغرة
    [two] اطّلع على الوظيفتين الشاغرتين
    [few] اطّلع على { $count } وظائف شاغرة
   *[other] اطّلع على { $count } وظيفة شاغرة
}
hero-paths = استكشف المسارات المهنية
figure-stories = { $count ->
    [one] قصة زميل سابق
    [two] قصتا زملاء سابقين
    [few] قصص زملاء سابقين
   *[other] قصة زملاء سابقين
}
figure-departments = { $count ->
    [one] قسم يعملون فيه الآن
    [two] قسمان يعملون فيهما الآن
    [few] أقسام يعملون فيها الآن
   *[other] قسمًا يعملون فيها الآن
}
figure-first-move = حتى أول انتقال، عادةً
figure-open = { $count ->
    [one] وظيفة شاغرة
    [two] وظيفتان شاغرتان
    [few] وظائف شاغرة
   *[other] وظيفة شاغرة
}
hiring-now = نوظّف الآن
open-count = { $count } شاغرة
featured-all = { $count ->
    [one] القصة الوحيدة
    [two] القصتان
    [few] جميع القصص الـ{ $count }
   *[other] جميع القصص الـ{ $count }
}
filter-open = تصفية
filter-active = { $count ->
    [one] تصفية، عامل واحد نشط
    [two] تصفية، عاملان نشطان
    [few] تصفية، { $count } عوامل نشطة
   *[other] تصفية، { $count } عاملًا نشطًا
}
clear-filters = امسح عوامل التصفية
show-more = اعرض المزيد من القصص
filter-heading = تصفية القصص
filter-close = أغلق عوامل التصفية
filter-clear = امسح
filter-show = { $count ->
    [zero] لا قصص للعرض
    [one] اعرض قصة واحدة
    [two] اعرض قصتين
    [few] اعرض { $count } قصص
   *[other] اعرض { $count } قصة
}
filter-matches = { $count ->
    [zero] لا تطابق أي قصة
    [one] تطابق قصة واحدة
    [two] تطابق قصتان
    [few] تطابق { $count } قصص
   *[other] تطابق { $count } قصة
}
filter-status = { $count ->
    [zero] لا تطابق أي قصة عوامل التصفية
    [one] تطابق قصة واحدة عوامل التصفية
    [two] تطابق قصتان عوامل التصفية
    [few] تطابق { $count } قصص عوامل التصفية
   *[other] تطابق { $count } قصة عوامل التصفية
}
filters-cleared = مُسحت عوامل التصفية: { $heading }
filter-none = لا تطابق أي قصة كل عوامل التصفية هذه. أزل أحدها لترى المزيد.
copy-done = نُسخ الرابط
copy-failed = تعذّر النسخ: حدّد الرابط أعلاه بدلًا من ذلك
copy-unavailable = النسخ غير متاح هنا: حدّد الرابط أعلاه بدلًا من ذلك
facet-destination = أين هم الآن
facet-department = القسم
facet-start = من أين بدأوا
facet-first-move = المدة حتى أول انتقال
facet-location = المكان
facet-tag = الوسم
first-move-under-1-year = أقل من سنة
first-move-1-2-years = سنة إلى سنتين
first-move-2-4-years = سنتان إلى أربع سنوات
first-move-4-years-or-more = أربع سنوات أو أكثر
facet-title = { $facet }: { $value }
facet-description = قصص الزملاء السابقين حسب { $facet }: { $value }.
tag-title = قصص موسومة بـ«{ $tag }»
tag-description = قصص الزملاء السابقين الموسومة بـ{ $tag }.

## The career map.

paths-title = المسارات المهنية
paths-lead = الانتقالات التي تدعمها { $company }، وما تتطلبه، وكم من زملائنا السابقين قاموا بها.
paths-lead-anonymous = الانتقالات التي تدعمها الشركة، وما تتطلبه، وكم من زملائنا السابقين قاموا بها.
paths-figure-alumni = يعمل <strong>{ $alumni }</strong> { $alumni ->
    [one] زميل سابق
    [two] زميلان سابقان
    [few] زملاء سابقين
   *[other] زميلًا سابقًا
} الآن في <strong>{ $departments }</strong> { $departments ->
    [one] قسم
    [two] قسمين
    [few] أقسام
   *[other] قسمًا
}
paths-figure-moved = انتقل <strong>{ $count }</strong> إلى قسم آخر
paths-figure-first-move = الوسيط حتى أول انتقال: <strong>{ $months } شهرًا</strong>
paths-description = إلى أين انتقل من بدأوا في { $company }.
flow-heading = أين هم الآن من بدأوا في كل دور
flow-caption = أدوار البداية على اليمين، والأدوار الحالية على اليسار؛ عرض كل شريط بعدد الأشخاص الذين قطعوا ذلك المسار.
flow-started-here = { $count ->
    [one] بدأ هنا شخص واحد
    [two] بدأ هنا شخصان
    [few] بدأ هنا { $count } أشخاص
   *[other] بدأ هنا { $count } شخصًا
}
# With the number in digits in every form: the career map's links show it.
people-count = { $count ->
    [one] { $count } شخص
    [two] { $count } شخصان
    [few] { $count } أشخاص
   *[other] { $count } شخصًا
}
flow-about-role = عن دور { $role }
flow-table-caption = المسارات من دور البداية إلى الدور الحالي
flow-started-as = البداية
flow-now = الآن
flow-people = الأشخاص
moves-heading = الانتقالات المدعومة
roles-heading = الأدوار حسب القسم
programs-heading = البرامج

## Open positions.

openings-title-of = الوظائف الشاغرة: { $name }
openings-description = كل الوظائف الشاغرة في { $company }، مع الزملاء السابقين الذين شغلوا كل وظيفة.
openings-description-of = الوظائف الشاغرة في { $company } في { $name }، مع الزملاء السابقين الذين شغلوا كل وظيفة.
openings-lead = تأتي كل وظيفة مع من شغلوها قبلك: اقرأ كيف بدأوا وإلى أين انتقلوا.
openings-filter-heading = تصفية الوظائف
openings-show-all = اعرض كل الوظائف
openings-match = { $count ->
    [zero] لا تطابق أي وظيفة شاغرة
    [one] تطابق وظيفة شاغرة واحدة
    [two] تطابق وظيفتان شاغرتان
    [few] تطابق { $count } وظائف شاغرة
   *[other] تطابق { $count } وظيفة شاغرة
}
openings-meet = تعرّف على من شغلوا هذه الوظيفة
openings-all-stories = كل القصص الـ{ $count } التي تمرّ بهذا الدور
openings-none = لا توجد وظيفة شاغرة هنا الآن.
openings-no-match = لا تطابق أي وظيفة عوامل التصفية هذه. أزل أحدها لترى المزيد.
apply-by = قدّم قبل
apply-default = قدّم الآن

## The printable share kit.

kit-title = حزمة المشاركة: { $title }
kit-description = صفحة للطباعة لمشاركة «{ $title }».
kit-back = العودة إلى الصفحة
kit-print = اطبع هذه الحزمة
kit-card-alt = بطاقة مشاركة { $title }
kit-scan-story = امسح الرمز لقراءة القصة
kit-scan-collection = امسح الرمز لقراءة قصصهم
kit-or-link = أو افتح هذا الرابط:
kit-note = لمسؤولي التوظيف: أضف <code>?utm_source=YOUR-NAME</code> إلى عنوان هذه الصفحة قبل الطباعة، وسيُنسب إليك الرابط ورمز QR.

## Share cards of pages other than stories.

card-paths-lead = إلى أين انتقل من بدأوا في { $company }
card-paths-lead-anonymous = إلى أين انتقل من بدأوا
card-in-departments = { $stories } في { $count ->
    [one] قسم واحد
    [two] قسمين
    [few] { $count } أقسام
   *[other] { $count } قسمًا
}
collections-count = { $count ->
    [one] مجموعة واحدة
    [two] مجموعتان
    [few] { $count } مجموعات
   *[other] { $count } مجموعة
}
collections-description = قصص الزملاء السابقين مختارة حسب الموضوع: { $names }.

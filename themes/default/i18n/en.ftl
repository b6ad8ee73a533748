# The words the built-in theme prints, in English. Every other language's
# file has the same keys; a site's theme may replace any of them in
# themes/NAME/i18n/LANG.ftl. Syntax: https://projectfluent.org/fluent/guide/

# The language's own name, for the language switcher.
language-name = English
languages-label = Language
# Between the steps of a journey, pointing the way the language reads.
arrow = →

## Counts and durations. Numbers choose the plural form of the language.

stories-count = { $count ->
    [one] { $count } story
   *[other] { $count } stories
}
months-count = { $count ->
    [one] 1 month
   *[other] { $count } months
}
years-count = { $count ->
    [one] 1 year
   *[other] { $count } years
}
under-a-month = under a month
# A step of a journey: $years whole years and $months more months.
duration-years-months = { $years ->
    [one] 1 year
   *[other] { $years } years
} { $months ->
    [one] 1 month
   *[other] { $months } months
}

## Dates. $year is written without grouping (2026, not 2,026).

month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
month-long = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
# "Mar 2026", a month of a journey.
date-month = { month-short } { $year }
# "1 March 2026", the day a story was published.
date-day = { $day } { month-long } { $year }

## The story page.

journey = Journey
present = present
at-a-glance = At a glance
fact-now = Now
fact-based-in = Based in
fact-first-move = First move after
fact-span = From first role to now
fact-programs = Programs used
fact-departments = Departments
tags = Tags
skills = Skills
links = Links
share-heading = Share this story
share-copy = Copy link
share-native = Share…
share-email = Email
share-kit = Printable share kit with QR code
cta-heading = Start where { $name } started
cta-started-as = { $name } started as { $role }.
cta-open-now = { $count ->
    [one] One position is open now:
   *[other] { $count } positions are open now:
}
cta-see-all = See all { $count } { $role } positions
cta-no-opening = There is no opening for this role right now, but you can apply to join us.
cta-now = { $name } is now { $role }:
cta-now-open = { $count ->
    [one] 1 open position in this role
   *[other] { $count } open positions in this role
}
cta-every-opening = Every open position
related-heading = More stories like this

## On every page.

skip-link = Skip to content
nav-label = Site
nav-stories = Stories
nav-paths = Career paths
nav-jobs = Jobs
nav-collections = Collections
alumni-stories = { $count ->
    [one] 1 alumni story
   *[other] { $count } alumni stories
}
footer-feed = Atom feed
# A card: "2 years to Product Manager".
card-span = { $span } to { $role }
pages-label = Pages
newer-stories = Newer stories
older-stories = Older stories
no-stories = No stories here yet.
not-found-title = Page not found
not-found-lead = This page does not exist, or the story was taken down.
not-found-all = See all stories
not-found-or = or
not-found-paths = explore career paths

## Collections, tags, facets and departments.

collections-heading = Collections
collections-lead = Alumni stories picked by theme.
collections-lead-company = Alumni stories picked by theme by { $company }'s recruiters.
collection-faces = Some of its stories
collection-eyebrow = Collection
tag-eyebrow = Tag
facet-combine = Combine with other filters
department-eyebrow = Department
department-roles = Roles

## Role pages and the moves between roles.

role-eyebrow = Role
open-positions = Open positions
open-positions-count = { $count ->
    [one] 1 open position
   *[other] { $count } open positions
}
role-none-open = No { $role } position is open right now.
role-apply-anyway = You can still apply to join us.
role-arrivals-heading = How people got here
role-next-heading = Where people went next
role-results = { $count ->
    [one] 1 story passes through this role
   *[other] { $count } stories pass through this role
}
move-unlisted = Taken by alumni, not a listed path.
move-typical = { $months ->
    [one] Typically 1 month.
   *[other] Typically { $months } months.
}
# Follows the count of stories: "4 stories, median 18 months in role".
move-median = { $months ->
    [one] , median 1 month in role
   *[other] , median { $months } months in role
}
# The role page's facts. $kind is how long people typically stay:
# less, one-month, months, year, year-half, two-years, two-half-years, years.
role-typical = { $kind ->
    [less] less than a month
    [one-month] about a month
    [months] about { $months } months
    [year] about a year
    [year-half] about a year and a half
    [two-years] about two years
    [two-half-years] about two and a half years
   *[years] about { $years ->
        [3] three
        [4] four
        [5] five
        [6] six
        [7] seven
        [8] eight
       *[other] { $years }
    } years
}
# Before "<strong>about two years</strong>".
role-moved-on = { $count ->
    [one] The one person who moved on did so after
   *[other] Most people move on after
}
# Before the role people moved on to; $all is "yes" when every one of them did.
role-moved-to = { $count ->
    [one] to
   *[other] { $all ->
        [yes] all of them to
       *[no] most often to
    }
}
# After "<strong>3</strong>".
role-now = { $count ->
    [one] of our alumni is in this role now.
   *[other] of our alumni are in this role now.
}
role-arrived-from = People got here from
list-and = and
move-program = Through the <strong>{ $program }</strong>{ $duration ->
    [none] {""}
   *[other] {" "}({ $duration } months)
}.
role-description = Alumni stories that pass through the { $role } role.
department-description = Alumni stories that pass through { $department }.

## The home page and its filters.

hero-eyebrow = Careers at { $company }
hero-openings = { $count ->
    [one] See the open position
   *[other] See { $count } open positions
}
hero-paths = Explore career paths
# After "<strong>13</strong>".
figure-stories = { $count ->
    [one] alumni story
   *[other] alumni stories
}
figure-departments = { $count ->
    [one] department they work in now
   *[other] departments they work in now
}
# After "<strong>18 months</strong>".
figure-first-move = to a first move, typically
figure-open = { $count ->
    [one] open position
   *[other] open positions
}
hiring-now = Hiring now
open-count = { $count } open
featured-all = All { $count ->
    [one] { $count } story
   *[other] { $count } stories
}
filter-open = Filter
filter-active = { $count ->
    [one] Filter, 1 active
   *[other] Filter, { $count } active
}
clear-filters = Clear filters
show-more = Show more stories
filter-heading = Filter stories
filter-close = Close the filters
filter-clear = Clear
filter-show = { $count ->
    [one] Show { $count } story
   *[other] Show { $count } stories
}
filter-matches = { $count ->
    [one] { $count } story matches
   *[other] { $count } stories match
}
filter-status = { $count ->
    [one] { $count } story matches your filters
   *[other] { $count } stories match your filters
}
filters-cleared = Filters cleared: { $heading }
filter-none = No story matches all of these filters. Remove one to see more.
copy-done = Link copied
copy-failed = Copy failed: select the link above instead
copy-unavailable = Copy is not available here: select the link above instead
facet-destination = Where they are now
facet-department = Department
facet-start = Where they started
facet-first-move = Time to first move
facet-location = Location
facet-tag = Tag
first-move-under-1-year = Under 1 year
first-move-1-2-years = 1–2 years
first-move-2-4-years = 2–4 years
first-move-4-years-or-more = 4 years or more
# The title of a filter's page: "Location: Lisbon".
facet-title = { $facet }: { $value }
facet-description = Alumni stories filtered by { $facet }: { $value }.
tag-title = Stories tagged “{ $tag }”
tag-description = Alumni stories tagged { $tag }.

## The career map.

paths-title = Career paths
paths-lead = The moves { $company } supports, what they take, and how many of our alumni made them.
paths-lead-anonymous = The moves the company supports, what they take, and how many of our alumni made them.
# With the numbers in <strong>.
paths-figure-alumni = <strong>{ $alumni }</strong> { $alumni ->
    [one] alumna or alumnus
   *[other] alumni
} now work in <strong>{ $departments }</strong> { $departments ->
    [one] department
   *[other] departments
}
paths-figure-moved = <strong>{ $count }</strong> moved to another department
paths-figure-first-move = median time to first move: <strong>{ $months } months</strong>
paths-description = Where people who started in { $company } went next.
flow-heading = Where people who started in each role are now
flow-caption = Starting roles on the left, current roles on the right; each band is as wide as the number of people who made that journey.
flow-started-here = { $count ->
    [one] 1 person started here
   *[other] { $count } people started here
}
people-count = { $count ->
    [one] 1 person
   *[other] { $count } people
}
flow-about-role = About the { $role } role
flow-table-caption = Journeys from starting role to current role
flow-started-as = Started as
flow-now = Now
flow-people = People
moves-heading = Supported transitions
roles-heading = Roles by department
programs-heading = Programs

## Open positions.

openings-title-of = Open positions: { $name }
openings-description = Every open position at { $company }, with the alumni who did each job.
openings-description-of = Open positions at { $company } in { $name }, with the alumni who did each job.
openings-lead = Each position comes with the people who did that job before you: read how they started and where they went.
openings-filter-heading = Filter positions
openings-show-all = Show every position
openings-match = { $count ->
    [one] 1 open position matches
   *[other] { $count } open positions match
}
openings-meet = Meet people who did this job
openings-all-stories = All { $count } stories through this role
openings-none = No position is open here right now.
openings-no-match = No position matches these filters. Remove one to see more.
apply-by = apply by
apply-default = Apply now

## The printable share kit.

kit-title = Share kit: { $title }
kit-description = A printable page to share “{ $title }”.
kit-back = Back to the page
kit-print = Print this kit
kit-card-alt = The share card of { $title }
kit-scan-story = Scan to read the story
kit-scan-collection = Scan to read their stories
kit-or-link = Or open this link:
kit-note = Recruiters: add <code>?utm_source=YOUR-NAME</code> to this page's address before printing, and the link and the QR code will credit you.

## Share cards of pages other than stories.

card-paths-lead = Where people who started at { $company } went next
card-paths-lead-anonymous = Where people who started went next
# "13 alumni stories in 7 departments".
card-in-departments = { $stories } in { $count ->
    [one] 1 department
   *[other] { $count } departments
}
collections-count = { $count ->
    [one] 1 collection
   *[other] { $count } collections
}
collections-description = Alumni stories picked by theme: { $names }.

<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "campaign-macros.ftl" as cm>
<#import "risk-macros.ftl" as rm>
<#-- One product: its Service Doc, phase, assessment against the current and the next phase, waivers, security checklist, badge. -->
<#assign p = product>
<#-- Lookup tables come with the model: building them here would cost every page a loop. -->
<#assign tierNames = standard.tier_names>
<#assign phaseNames = standard.phase_names>
<#assign nextById = (p.next.items_by_id)!{}>
<#assign currentById = p.current.items_by_id>
<#assign checkById = p.security_by_id>
<#-- A status cell is the same on every row of that status: the macros run once per status and page, not once per row. -->
<#assign itemStatusCells = {}><#list ["exceeds", "meets", "waived", "misses", "none", "not-applicable"] as status><#assign cell><@layout.itemStatus status=status/></#assign><#assign itemStatusCells = itemStatusCells + {status: cell}></#list>
<#assign checkStatusCells = {}><#list ["passed", "waived", "planned", "failed", "not-applicable", "not-required"] as status><#assign cell><@layout.checkStatus status=status/></#assign><#assign checkStatusCells = checkStatusCells + {status: cell}></#list>
<#-- An <#if> line keeps the blank line after it (an <#assign> line does not): the page starts as it always has. -->
<#if site.link_base??><#assign base = site.link_base><#else><#assign base = ""></#if>

<#macro person who>
  <#if who??>
  <span class="person"><span class="person-name">${who.name}</span><#if who.role?has_content> <span class="muted">(${who.role})</span></#if>
  <#if who.email?has_content><br><a href="mailto:${who.email}">${who.email}</a></#if></span>
  <#else><span class="muted">${t['common.none']}</span></#if>
</#macro>

<#macro extLink url text="">
  <#if url?has_content><a href="${url}" rel="noopener">${text?has_content?then(text, url)}</a><#else><span class="muted">${t['common.none']}</span></#if>
</#macro>

<@layout.page title=p.name>
<nav class="breadcrumb" aria-label="${t['nav.breadcrumb']}">
  <a href="${root}index.html">${t['nav.matrix']}</a> <span aria-hidden="true">›</span>
  <a href="${root}index.html#phase-${p.phase.id}">${p.phase.name}</a> <span aria-hidden="true">›</span>
  <span aria-current="page">${p.name}</span>
</nav>

<div class="product-head">
  <div class="product-title">
    <h1>${p.name}</h1>
    <p class="lead">${p.summary}</p>
    <p class="pills">
      <@layout.pill text=t['product.phase'] + ": " + p.phase.name kind="phase"/>
      <#if p.tier??><@layout.pill text=p.tier + " · " + (tierNames[p.tier]!p.tier) kind="tier"/></#if>
      <a class="pill pill-team" href="${root}teams.html#team-${p.team}">${t['product.team']}: ${p.team_name}</a>
      <#if p.current.meets>
        <span class="pill pill-ok"><span aria-hidden="true">✓</span> ${t['product.meets_phase']}</span>
      <#else>
        <span class="pill pill-bad"><span aria-hidden="true">✗</span> ${t['product.below_phase']}</span>
      </#if>
      <#if p.ready_for_next && p.next??>
        <span class="pill pill-ready"><span aria-hidden="true">★</span> ${t['matrix.ready_for']} ${p.next.phase_name}</span>
      </#if>
      <#if p.assessment.stale><span class="pill pill-warn"><span aria-hidden="true">!</span> ${t['product.stale']}</span></#if>
    </p>
    <#-- the product's risks, as the matrix row and the team page mark them (a missed SLO: issue 16) -->
    <#if product_risks.any><div class="product-risks" id="product-risks"><span class="sr-only">${t['risk.column']}:</span><@rm.marks productRisks=product_risks/></div></#if>
  </div>
  <figure class="badge-figure">
    <img src="${root}badges/${p.id}.svg" alt="${t['badge.alt']} ${p.name}: ${p.phase.name}, ${p.current.percent}%">
  </figure>
</div>

<nav class="toc" aria-label="${t['product.toc']}">
  <ul>
    <li><a href="#overview">${t['product.overview']}</a></li>
    <li><a href="#service-doc">${t['product.service_doc']}</a></li>
    <li><a href="#assessment">${t['product.assessment']}</a></li>
    <li><a href="#waivers">${t['product.waivers']}</a></li>
    <li><a href="#security">${t['product.security']}</a></li>
    <li><a href="#history">${t['history.title']}</a></li>
    <li><a href="#costs">${t['costs.product_title']}</a></li>
    <li><a href="#badge">${t['product.badge']}</a></li>
  </ul>
</nav>

<section id="overview" class="cards" aria-labelledby="overview-title">
  <h2 id="overview-title" class="sr-only">${t['product.overview']}</h2>
  <div class="card">
    <h3>${t['product.phase']}</h3>
    <p class="card-value"><a href="${root}standard/phases.html#${p.phase.id}">${p.phase.name}</a></p>
    <p>${t['product.since']} <time datetime="${p.phase.since}">${p.phase.since}</time></p>
    <#if p.phase.target??>
    <p class="<#if p.phase.target.overdue>is-bad</#if>">${t['product.target']}: ${p.phase.target.phase_name}
      ${t['product.by']} <time datetime="${p.phase.target.date}">${p.phase.target.date}</time>
      <#if p.phase.target.overdue><span class="flag flag-bad"><span aria-hidden="true">!</span> ${t['common.overdue']}</span></#if></p>
    <#else>
    <p class="muted">${t['product.no_target']}</p>
    </#if>
  </div>
  <div class="card">
    <h3>${t['product.current_fit']} (${p.current.phase_name})</h3>
    <p class="card-value">${p.current.percent}% <span class="card-sub">${p.current.satisfied}/${p.current.requirements}</span></p>
    <@layout.meter percent=p.current.percent kind=p.current.meets?then("ok", "bad")/>
    <p><#if p.current.meets><@layout.itemStatus status="meets"/><#else><span class="status s-misses"><span class="sym" aria-hidden="true">✗</span> ${p.current.missing} ${t['product.gaps_count']}</span></#if>
    <#if (p.current.waived > 0)> · ${t['matrix.waived_short']} ${p.current.waived}</#if></p>
  </div>
  <div class="card">
    <h3>${t['product.next_fit']}<#if p.next??> (${p.next.phase_name})</#if></h3>
    <#if p.next??>
    <p class="card-value">${p.next.percent}% <span class="card-sub">${p.next.satisfied}/${p.next.requirements}</span></p>
    <@layout.meter percent=p.next.percent kind=p.ready_for_next?then("ok", "next")/>
    <p><#if p.ready_for_next><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span> ${t['readiness.ready']}</span><#else><a href="#next-gaps">${p.next.missing} ${t['matrix.missing']}</a></#if></p>
    <#else>
    <p class="card-value muted">—</p>
    <p class="muted">${t['matrix.final_phase']}</p>
    </#if>
  </div>
  <div class="card<#if p.assessment.stale> card-warn</#if>">
    <h3>${t['product.assessed']}</h3>
    <p class="card-value"><time datetime="${p.assessment.assessed_on}">${p.assessment.assessed_on}</time></p>
    <p>${t['product.assessed_by']} ${p.assessment.assessed_by}</p>
    <#if p.assessment.stale><p class="is-warn"><span class="flag flag-warn"><span aria-hidden="true">!</span> ${t['product.stale']}</span> ${t['product.stale_hint']} (${standard.review_interval})</p></#if>
  </div>
</section>

<#-- ===================== Service Doc ===================== -->
<section id="service-doc" class="section">
  <h2>${t['product.service_doc']}</h2>
  <#if p.description_html?has_content>
  <div class="prose description">${p.description_html?no_esc}</div>
  </#if>

  <div class="grid-2">
    <div>
      <h3 id="owners">${t['product.owners']}</h3>
      <dl class="facts">
        <dt>${t['product.team']}</dt><dd><a href="${root}teams.html#team-${p.team}">${p.team_name}</a></dd>
        <dt>${t['product.pm']}</dt><dd><@person who=p.owners.product_manager/></dd>
        <dt>${t['product.tech_lead']}</dt><dd><@person who=p.owners.tech_lead/></dd>
        <#if p.owners.contacts?has_content>
        <dt>${t['product.contacts']}</dt>
        <dd><ul class="plain"><#list p.owners.contacts as c><li><@person who=c/></li></#list></ul></dd>
        </#if>
        <dt>${t['product.chat']}</dt><dd><#if p.owners.chat?has_content><code>${p.owners.chat}</code><#else><span class="muted">${t['common.none']}</span></#if></dd>
      </dl>
    </div>
    <div>
      <h3 id="users">${t['product.users']}</h3>
      <dl class="facts">
        <dt>${t['product.audience']}</dt><dd>${t['audience.' + p.users.audience]}</dd>
        <dt>${t['product.users_desc']}</dt><dd>${p.users.description}</dd>
        <#if p.tier??><dt>${t['product.tier']}</dt><dd>${p.tier} · ${tierNames[p.tier]!p.tier}</dd></#if>
        <#if p.tags?has_content><dt>${t['product.tags']}</dt><dd class="tags"><#list p.tags as tag><code class="tag">${tag}</code><#sep> </#list></dd></#if>
        <#if p.demand_metric??><dt>${t['product.demand']}</dt><dd>${p.demand_metric.name} <span class="muted">(${p.demand_metric.unit})</span></dd></#if>
      </dl>
    </div>
  </div>

  <h3 id="links">${t['product.links']}</h3>
  <dl class="facts facts-wide">
    <dt>${t['product.repository']}</dt><dd><@extLink url=p.links.repository/></dd>
    <dt>${t['product.runbook']}</dt><dd><@extLink url=p.links.runbook!""/></dd>
    <dt>${t['product.dashboards']}</dt>
    <dd><#if p.links.dashboards?has_content><ul class="plain"><#list p.links.dashboards as d><li><a href="${d.url}" rel="noopener">${d.title}</a></li></#list></ul><#else><span class="muted">${t['common.none']}</span></#if></dd>
    <dt>${t['product.status_page']}</dt><dd><@extLink url=p.links.status_page!""/></dd>
    <dt>${t['product.on_call']}</dt><dd><@extLink url=p.links.on_call!""/></dd>
    <dt>${t['product.documentation']}</dt><dd><@extLink url=p.links.documentation!""/></dd>
  </dl>

  <h3 id="slos">${t['product.slos']}</h3>
  <#-- SLOs measured (issue 16): declared in slos.yaml, attainment per month from slo-data/ -->
  <#if product_slos?has_content>
  <#list product_slos as s>
  <section class="slo" id="slo-${s.id}" data-result="${s.result}">
    <h4>${s.title} <span class="muted small">${t['slo.type.' + s.type]}</span>
      <@sloResult result=s.result/></h4>
    <dl class="facts slo-facts">
      <dt>${t['slo.target']}</dt><dd class="num">${s.target_percent}% <span class="muted small">${t['slo.per_month']}</span></dd>
      <dt>${t['slo.budget_left']}</dt><dd class="num"><#if s.error_budget_left_percent??>${s.error_budget_left_percent}% <span class="muted small">(${s.latest_final_month})</span><#else><span class="muted">${t['slo.not_measured']}</span></#if></dd>
      <dt>${t['slo.sli']}</dt><dd><#if s.description??>${s.description}<br></#if><#if s.template??>${t['slo.template']} <code>${s.template}</code><#if s.parameters?has_content> (${s.parameters})</#if><#else><#if s.good??>${t['slo.good']} <code>${s.good}</code><br></#if><#if s.bad??>${t['slo.bad']} <code>${s.bad}</code><br></#if><#if s.total??>${t['slo.total']} <code>${s.total}</code></#if><#if s.datadog_slo_id??>${t['slo.datadog_slo']} <code>${s.datadog_slo_id}</code></#if></#if></dd>
      <dt>${t['slo.data_source']}</dt><dd>${s.data_source} <span class="muted small">(${s.data_source_type})</span></dd>
    </dl>
    <#if s.months?has_content>
    <div class="chart-with-table">
    <figure class="chart-figure">
      ${s.chart_svg?no_esc}
      <figcaption>${t['slo.chart_caption']}</figcaption>
    </figure>
    <div class="table-scroll">
    <table class="data compact slo-months">
      <caption class="sr-only">${s.title}</caption>
      <thead><tr><th scope="col">${t['slo.month']}</th><th scope="col" class="num">${t['slo.attainment']}</th>
        <th scope="col" class="num">${t['slo.budget_left']}</th><th scope="col">${t['slo.result']}</th></tr></thead>
      <tbody>
      <#list s.months as m>
        <tr data-month="${m.month}"<#if m.provisional> class="provisional"</#if>>
          <th scope="row">${m.month}<#if m.provisional> <span class="muted small">${t['slo.provisional']}</span></#if></th>
          <td class="num"><#if m.attainment_percent??>${m.attainment_percent}%<#else><span class="muted">–</span></#if></td>
          <td class="num"><#if m.error_budget_left_percent??>${m.error_budget_left_percent}%<#else><span class="muted">–</span></#if></td>
          <#-- a month's note is slo fetch's own words (English whatever the site's language): it stays in the export -->
          <td><@sloResult result=m.result/></td>
        </tr>
      </#list>
      </tbody>
    </table>
    </div>
    </div>
    <#else><p class="muted">${t['slo.no_months']}</p></#if>
  </section>
  </#list>
  <p class="small"><a href="${root}slos.html">${t['slo.company_link']}</a></p>
  <#else><p class="muted">${t['slo.none']}</p></#if>

  <h3 id="dependencies">${t['product.dependencies']}</h3>
  <#if p.dependencies.products?has_content || p.dependencies.external?has_content>
  <div class="table-scroll">
  <table class="data">
    <thead><tr><th scope="col">${t['dep.name']}</th><th scope="col">${t['dep.kind']}</th><th scope="col">${t['dep.purpose']}</th><th scope="col">${t['dep.critical']}</th></tr></thead>
    <tbody>
    <#list p.dependencies.products as d>
      <tr><th scope="row"><a href="${root}products/${d.id}.html">${d.name}</a></th><td>${t['dep.internal']}</td><td>${d.purpose}</td>
        <td><#if d.critical><span class="flag flag-bad"><span aria-hidden="true">!</span> ${t['dep.critical_yes']}</span><#else><span class="muted">${t['dep.critical_no']}</span></#if></td></tr>
    </#list>
    <#list p.dependencies.external as d>
      <tr><th scope="row">${d.name}<#if d.status_page?has_content><br><a class="small" href="${d.status_page}" rel="noopener">${t['product.status_page']}</a></#if></th><td>${t['dep.external']}</td><td>${d.purpose}</td>
        <td><#if d.critical><span class="flag flag-bad"><span aria-hidden="true">!</span> ${t['dep.critical_yes']}</span><#else><span class="muted">${t['dep.critical_no']}</span></#if></td></tr>
    </#list>
    </tbody>
  </table>
  </div>
  <#else><p class="muted">${t['dep.none']}</p></#if>

  <h3 id="data-stores">${t['product.data_stores']}</h3>
  <#if p.data_stores?has_content>
  <div class="table-scroll">
  <table class="data">
    <thead><tr><th scope="col">${t['store.id']}</th><th scope="col">${t['store.kind']}</th><th scope="col">${t['store.description']}</th><th scope="col">${t['store.personal_data']}</th></tr></thead>
    <tbody>
    <#list p.data_stores as d>
      <tr id="store-${d.id}"><th scope="row"><code>${d.id}</code></th><td>${d.kind}</td><td><#if d.description?has_content>${d.description}<#else><span class="muted">${t['common.none']}</span></#if></td>
        <td><#if d.personal_data??><#if d.personal_data>${t['store.personal_yes']}<#else>${t['store.personal_no']}</#if><#else><span class="muted">${t['store.personal_unknown']}</span></#if></td></tr>
    </#list>
    </tbody>
  </table>
  </div>
  <#else><p class="muted">${t['store.none']}</p></#if>

  <h3 id="cost-elements">${t['product.costs']}</h3>
  <#if p.cost_elements?has_content>
  <div class="table-scroll">
  <table class="data">
    <thead><tr><th scope="col">${t['cost.provider']}</th><th scope="col">${t['cost.id']}</th><th scope="col">${t['cost.name']}</th></tr></thead>
    <tbody>
    <#list p.cost_elements as c>
      <tr><td><span class="provider">${c.provider?upper_case}</span><#if c.vendor?has_content> · ${c.vendor}</#if></td><td><#if c.billing_account><span class="billing-account">${t['cost.billing_account']} <code>${c.id}</code> (${t['cost.no_sub_account']})</span><#else><code>${c.id}</code></#if><#if c.tag??> (${t['costs.tagged']} <code>${c.tag}</code>)</#if></td><td>${c.name!""}</td></tr>
    </#list>
    </tbody>
  </table>
  </div>
  <#else><p class="muted">${t['cost.none']}</p></#if>
</section>

<#-- ===================== Assessment ===================== -->
<section id="assessment" class="section">
  <h2>${t['product.assessment']}</h2>
  <p class="muted">${t['product.assessed']}: <time datetime="${p.assessment.assessed_on}">${p.assessment.assessed_on}</time> · ${t['product.assessed_by']} ${p.assessment.assessed_by}
    <#if p.assessment.stale> · <span class="flag flag-warn"><span aria-hidden="true">!</span> ${t['product.stale']}</span></#if></p>

  <div class="grid-2 gap-summary">
    <div id="current-gaps" class="gapbox<#if p.current.meets> gapbox-ok<#else> gapbox-bad</#if>">
      <h3>${t['product.gaps_current']} (${p.current.phase_name})</h3>
      <#if !p.current.gaps?has_content && !p.current.failed_checks?has_content>
        <p><@layout.itemStatus status="meets"/> — ${t['product.no_gaps']}</p>
      <#else>
        <ul>
          <#list p.current.gap_items as gi>
          <li><a href="#item-${gi.id}">${gi.display_title}</a>: <#if gi.binary>${t['binary.0']}<#if gi.required_from??> (${t['binary.required_from']} ${gi.required_from})</#if><#else>${t['cell.level']} ${gi.level} → ${gi.required}</#if></li></#list>
          <#list p.current.failed_check_items as c><li><a href="#check-${c.id}">${c.display_title}</a> <span class="tag-check">${t['matrix.check_short']}</span></li></#list>
        </ul>
      </#if>
    </div>
    <div id="next-gaps" class="gapbox<#if p.ready_for_next> gapbox-ok</#if>">
      <h3>${t['product.gaps_next']}<#if p.next??> (${p.next.phase_name})</#if></h3>
      <#if !p.next??>
        <p class="muted">${t['matrix.final_phase']}</p>
      <#elseif !p.next.gaps?has_content && !p.next.failed_checks?has_content>
        <p><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span> ${t['readiness.ready']}</span></p>
      <#else>
        <ul>
          <#list p.next.gap_items as gi>
          <li><a href="#item-${gi.id}">${gi.display_title}</a>: <#if gi.binary>${t['binary.0']}<#if gi.required_from??> (${t['binary.required_from']} ${gi.required_from})</#if><#else>${t['cell.level']} ${gi.level} → ${gi.required}</#if></li></#list>
          <#list p.next.failed_check_items as c><li><a href="#check-${c.id}">${c.display_title}</a> <span class="tag-check">${t['matrix.check_short']}</span></li></#list>
        </ul>
      </#if>
    </div>
  </div>

  <div class="legend legend-inline">
    <ul>
      <#list ["exceeds", "meets", "waived", "misses", "none", "not-applicable"] as s>
      <li><span class="chip s-${s}" aria-hidden="true">${layout.itemSymbol(s)}</span> ${t['legend.' + s]}</li>
      </#list>
    </ul>
  </div>

  <div class="table-scroll">
  <table class="data assessment">
    <thead>
      <tr>
        <th scope="col">${t['assess.item']}</th>
        <th scope="col">${t['assess.level']}</th>
        <th scope="col">${t['assess.required']}<br><span class="muted small">${p.current.phase_name}</span></th>
        <th scope="col">${t['assess.status']}</th>
        <#if p.next??><th scope="col">${t['assess.next']}<br><span class="muted small">${p.next.phase_name}</span></th></#if>
        <th scope="col">${t['assess.evidence']}</th>
        <th scope="col">${t['assess.notes']}</th>
      </tr>
    </thead>
    <#list standard.categories as c>
    <#if c.items?has_content>
    <tbody>
      <tr class="subhead"><th colspan="${p.next???then(7, 6)}" scope="rowgroup">${c.title}</th></tr>
      <#list c.items as si>
      <#if currentById[si.id]??>
      <#assign i = currentById[si.id]><#assign st = i.display_status>
      <tr id="item-${i.id}" class="row-${st}">
        <th scope="row"><a href="${root}standard/items.html#${i.id}">${i.title}</a></th>
        <#if st == "not-applicable">
        <td class="nowrap"><span class="muted" aria-hidden="true">–</span><span class="sr-only">${t['status.not-applicable']}</span></td>
        <#if i.binary><td>${t['binary.required.' + i.required]}</td><#else><td class="num">${i.required}</td></#if>
        <#elseif i.binary>
        <td class="nowrap"><strong>${t['binary.' + i.level]}</strong></td>
        <td>${t['binary.required.' + i.required]}</td>
        <#else>
        <td class="nowrap"><strong>${i.level}</strong><span class="muted">/${i.max_level}</span><br><span class="small">${i.level_title}</span></td>
        <td class="num">${i.required}</td>
        </#if>
        <td><#if itemStatusCells[st]??>${itemStatusCells[st]}<#else><@layout.itemStatus status=st/></#if>
          <#if i.applicability != "applies"><br><span class="small applicability-${i.applicability}">${t['applicability.' + i.applicability]}<#if i.applies_if?has_content> (<#list i.applies_if as c>${t[(c.kind == "tag")?then('applicability.condition_tag', 'applicability.condition')]} <code>${c.value}</code><#sep>; </#list>)</#if></span></#if>
          <#if st == "misses" && !i.binary><br><span class="small">${t['assess.gap']} ${i.shortfall}</span></#if>
          <#if st == "waived"><br><a class="small" href="#waiver-${i.id}-${p.phase.id}">${t['assess.see_waiver']}</a></#if>
        </td>
        <#if p.next??>
        <td>
          <#if nextById[i.id]??><#assign ni = nextById[i.id]>
            <#assign nst = ni.display_status>
            <#if ni.binary>${t['binary.required.' + ni.required]}<#else><span class="num">${ni.required}</span></#if> <#if itemStatusCells[nst]??>${itemStatusCells[nst]}<#else><@layout.itemStatus status=nst/></#if>
            <#if nst == "misses" && !ni.binary><br><span class="small">${t['assess.gap']} ${ni.shortfall}</span></#if>
          </#if>
        </td>
        </#if>
        <td class="small"><#if i.evidence?has_content><ul class="plain evidence"><#list i.evidence as e><li><a href="${e.url}" rel="noopener">${e.title}</a></li></#list></ul><#else><span class="muted">${t['common.none']}</span></#if></td>
        <td class="small">
          <#if i.not_applicable_reason?has_content><p class="na-reason"><span class="plan-label">${t['applicability.reason']}</span> ${i.not_applicable_reason}</p></#if>
          <#if i.note?has_content><p>${i.note}</p></#if>
          <#if i.plan??>
          <p class="plan<#if i.plan.overdue> is-bad</#if>"><span class="plan-label">${t['assess.plan']}</span>
            <#if i.binary>${t['binary.1']}<#else>${t['cell.level']} ${i.plan.target_level}</#if> ${t['product.by']} <time datetime="${i.plan.due}">${i.plan.due}</time>
            <#if i.plan.overdue><span class="flag flag-bad"><span aria-hidden="true">!</span> ${t['common.overdue']}</span></#if>
            <#if i.plan.note?has_content><br>${i.plan.note}</#if></p>
          </#if>
        </td>
      </tr>
      </#if>
      </#list>
    </tbody>
    </#if>
    </#list>
  </table>
  </div>
</section>

<#-- ===================== Waivers ===================== -->
<section id="waivers" class="section">
  <h2>${t['product.waivers']}</h2>
  <#if p.waivers?has_content>
  <div class="table-scroll">
  <table class="data">
    <thead><tr><th scope="col">${t['assess.item']}</th><th scope="col">${t['product.phase']}</th><th scope="col">${t['waiver.reason']}</th>
      <th scope="col">${t['waiver.approved']}</th><th scope="col">${t['waiver.expires']}</th></tr></thead>
    <tbody>
    <#list p.waivers as w>
      <tr id="waiver-${w.item}-${w.phase}" class="row-waiver-${w.status}">
        <th scope="row"><a href="#item-${w.item}">${(currentById[w.item].display_title)!w.item}</a></th>
        <td><a href="${root}standard/phases.html#${w.phase}">${phaseNames[w.phase]!w.phase}</a></td>
        <td class="small">${w.reason}</td>
        <td class="small">${w.approved_by}<#if w.approved_on?has_content><br><time datetime="${w.approved_on}">${w.approved_on}</time></#if></td>
        <td class="nowrap"><time datetime="${w.expires}">${w.expires}</time><br>
          <#if w.status == "expired"><span class="flag flag-bad"><span aria-hidden="true">✗</span> ${t['waiver.expired']}</span>
          <#elseif w.status == "expiring"><span class="flag flag-warn"><span aria-hidden="true">!</span> ${t['waiver.expiring']}</span>
          <#else><span class="flag flag-ok"><span aria-hidden="true">✓</span> ${t['waiver.valid']}</span></#if></td>
      </tr>
    </#list>
    </tbody>
  </table>
  </div>
  <#else><p class="muted">${t['waiver.none']}</p></#if>
</section>

<#-- ===================== Security checklist ===================== -->
<@cm.product_part product_campaigns/>

<section id="security" class="section">
  <h2>${t['product.security']}</h2>
  <p class="muted">${t['security.for_phase']} ${p.phase.name}.
  <#if p.next?? && p.next.failed_checks?has_content>${t['security.next_fail']} ${p.next.phase_name}: ${p.next.failed_checks?size}.</#if></p>
  <div class="table-scroll">
  <table class="data">
    <thead><tr><th scope="col">${t['security.check']}</th><th scope="col">${t['security.required']}</th><th scope="col">${t['security.answer']}</th>
      <th scope="col">${t['assess.status']}</th><th scope="col">${t['security.evidence']}</th></tr></thead>
    <#list standard.security_categories as sc>
    <#if sc.checks?has_content>
    <tbody>
      <tr class="subhead"><th colspan="5" scope="rowgroup">${sc.title}</th></tr>
      <#list sc.checks as chk>
      <#if checkById[chk.id]??><#assign s = checkById[chk.id]>
      <tr id="check-${s.id}" class="row-c-${s.status}">
        <th scope="row"><a href="${root}standard/checklist.html#${s.id}">${s.title}</a>
          <#if s.failed_next><br><span class="flag flag-warn small"><span aria-hidden="true">!</span> ${t['security.needed_next']} ${p.next.phase_name}</span></#if></th>
        <td><#if s.required><strong>${t['common.yes']}</strong><#else><span class="muted">${t['common.no']}</span></#if></td>
        <td><#if s.answer??>${t['answer.' + s.answer]}<#else><span class="muted">${t['common.none']}</span></#if></td>
        <td><#if checkStatusCells[s.status]??>${checkStatusCells[s.status]}<#else><@layout.checkStatus status=s.status/></#if>
          <#if s.status == "waived"><br><a class="small" href="#check-waiver-${s.id}-${p.phase.id}">${t['assess.see_waiver']}</a></#if></td>
        <td class="small">
          <#if s.reason?has_content><p>${s.reason}</p></#if>
          <#if s.evidence?has_content><ul class="plain evidence"><#list s.evidence as e><li><a href="${e.url}" rel="noopener">${e.title}</a></li></#list></ul></#if>
          <#if s.note?has_content><p class="check-note">${s.note}</p></#if>
          <#if s.plan??>
          <p class="plan<#if s.plan.overdue> is-bad</#if>"><span class="plan-label">${t['assess.plan']}</span>
            ${t['binary.1']} ${t['product.by']} <time datetime="${s.plan.due}">${s.plan.due}</time>
            <#if s.plan.overdue><span class="flag flag-bad"><span aria-hidden="true">!</span> ${t['common.overdue']}</span></#if>
            <#if s.plan.note?has_content><br>${s.plan.note}</#if></p>
          </#if>
          <#list s.waivers as w>
          <p class="check-waiver row-waiver-${w.status}" id="check-waiver-${s.id}-${w.phase}"><span class="plan-label">${t['security.waiver']}</span>
            <a href="${root}standard/phases.html#${w.phase}">${phaseNames[w.phase]!w.phase}</a>: ${w.reason}
            <br>${t['waiver.approved']}: ${w.approved_by}<#if w.approved_on?has_content> (<time datetime="${w.approved_on}">${w.approved_on}</time>)</#if>
            · ${t['waiver.expires']}: <time datetime="${w.expires}">${w.expires}</time>
            <#if w.status == "expired"><span class="flag flag-bad"><span aria-hidden="true">✗</span> ${t['waiver.expired']}</span>
            <#elseif w.status == "expiring"><span class="flag flag-warn"><span aria-hidden="true">!</span> ${t['waiver.expiring']}</span>
            <#else><span class="flag flag-ok"><span aria-hidden="true">✓</span> ${t['waiver.valid']}</span></#if></p>
          </#list>
        </td>
      </tr>
      </#if>
      </#list>
    </tbody>
    </#if>
    </#list>
  </table>
  </div>
</section>

<#-- ===================== Badge ===================== -->
<section id="history" class="section" aria-labelledby="history-title">
  <h2 id="history-title">${t['history.title']}</h2>
  <#if !(product_history??)>
    <p class="muted">${t['history.unavailable']}</p>
  <#else>
    <h3>${t['history.timeline']}</h3>
    <#if product_history.timeline?has_content>
    <div class="table-scroll">
    <table class="data compact" id="phase-timeline">
      <thead><tr><th scope="col">${t['history.date']}</th><th scope="col">${t['history.change']}</th><th scope="col">${t['history.commit']}</th><th scope="col">${t['history.author']}</th></tr></thead>
      <tbody>
      <#list product_history.timeline as c>
        <tr><td class="date">${c.date}</td><td><#if c.from??>${c.from_name} → <#else>${t['history.entered']} </#if>${c.to_name}</td><td><#if c.commit?has_content><code>${c.commit}</code><#else>${t['history.declared']}</#if></td><td>${c.author}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <#else><p class="muted">${t['history.no_changes']}</p></#if>
    <#if product_history.stays?has_content>
    <p class="small"><#list product_history.stays as st>${st.phase_name}: ${st.days?c} ${t['lead_times.days']}<#if st.current> (${t['history.so_far']})</#if><#sep> · </#list><#if product_history.lead_time_days??> · ${t['history.lead_time']}: <strong>${product_history.lead_time_days?c} ${t['lead_times.days']}</strong></#if></p>
    </#if>
    <h3>${t['history.levels']}</h3>
    <#if product_history.level_changes?has_content>
    <div class="table-scroll">
    <table class="data compact" id="level-history">
      <thead><tr><th scope="col">${t['history.date']}</th><th scope="col">${t['history.item']}</th><th scope="col">${t['history.level']}</th><th scope="col">${t['history.commit']}</th><th scope="col">${t['history.author']}</th></tr></thead>
      <tbody>
      <#list product_history.level_changes as c>
        <tr><td class="date">${c.date}</td><td><a href="#item-${c.item}">${c.item_title}</a></td><td><#if c.binary>${t['binary.' + c.from]} → ${t['binary.' + c.to]}<#else>${c.from} → ${c.to}</#if> <span aria-hidden="true"><#if c.increase>⬆<#else>⬇</#if></span><span class="sr-only"><#if c.increase>${t['history.up']}<#else>${t['history.down']}</#if></span></td><td><#if c.commit?has_content><code>${c.commit}</code><#else>${t['history.declared_result']}</#if></td><td>${c.author}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <#else><p class="muted">${t['history.no_level_changes']}</p></#if>
  </#if>
</section>

<section id="costs" class="section" aria-labelledby="costs-title">
  <h2 id="costs-title">${t['costs.product_title']}</h2>
  <#if !costs_available>
    <p class="muted">${t['costs.not_configured']}</p>
  <#elseif !product_costs??>
    <p class="muted">${t['costs.no_data_product']}</p>
  <#else>
    <#assign pc = product_costs>
    <p class="muted small">${t['costs.product_intro']} <a href="${root}costs.html">${t['costs.company_link']}</a></p>
    <#if pc.latest??>
    <div class="cards kpi-cards">
      <div class="card kpi"><h3>${t['costs.profit']} <span class="muted small">${pc.latest_final_month}</span></h3>
        <p class="kpi-value<#if pc.latest.profit.negative> negative</#if>">${pc.latest.profit.text} <span class="small">${pc.currency}</span></p>
        <p class="small"><#if pc.latest.profitable>${t['costs.profitable']}<#else>${t['costs.loss']}</#if><#if pc.turned_profitable??> · ${t['costs.turned_profitable_in']} ${pc.turned_profitable}</#if></p></div>
      <div class="card kpi"><h3>${t['costs.operating_cost']}</h3>
        <p class="kpi-value">${pc.latest.operating_cost.text} <span class="small">${pc.currency}</span></p>
        <p class="small">${t['costs.mrr']}: ${pc.latest.mrr.text} · ${t['costs.investment_excluded']}: ${pc.latest.investment.text}</p></div>
      <#if pc.latest.unit_cost??>
      <div class="card kpi"><h3>${t['costs.unit_cost']}<#if p.demand_metric??> <span class="muted small">(${p.demand_metric.name})</span></#if></h3>
        <p class="kpi-value">${pc.latest.unit_cost.text} <span class="small"><#if pc.unit_cost_unit??>${pc.unit_cost_unit}<#else>${pc.currency}</#if></span></p>
        <#if pc.trend??><p class="small trend tone-${pc.trend.tone}">${t['costs.trend.' + pc.trend.label]} (${pc.trend.from} → ${pc.trend.to}: ${t['costs.operating_cost']} ${pc.trend.cost_change}%<#if pc.trend.unit_cost_change??>, ${t['costs.unit_cost']} ${pc.trend.unit_cost_change}%</#if>)</p></#if></div>
      </#if>
    </div>
    </#if>
    <figure class="chart-figure">
      ${pc.chart_svg?no_esc}
      <figcaption>${t['costs.product_chart_caption']}</figcaption>
    </figure>
    <#if pc.unit_chart_svg??>
    <figure class="chart-figure">
      ${pc.unit_chart_svg?no_esc}
      <figcaption>${t['costs.unit_chart_caption']}<#if p.demand_metric??> (${p.demand_metric.name})</#if></figcaption>
    </figure>
    </#if>
    <div class="table-scroll" role="region" aria-label="${t['costs.product_table_caption']}" tabindex="0">
    <table class="data compact num-table" id="cost-months">
      <caption>${t['costs.product_table_caption']} (${pc.currency})</caption>
      <thead><tr><th scope="col">${t['costs.month']}</th>
        <#list pc.providers as provider><th scope="col" class="num">${provider}</th></#list>
        <th scope="col" class="num">${t['costs.shared']}</th><th scope="col" class="num">${t['costs.prepaid']}</th>
        <th scope="col" class="num">${t['costs.maintenance']}</th><th scope="col" class="num">${t['costs.operating_cost']}</th>
        <th scope="col" class="num">${t['costs.average']}</th>
        <th scope="col" class="num">${t['costs.mrr']}</th><th scope="col" class="num">${t['costs.profit']}</th>
        <th scope="col" class="num">${t['costs.investment']}</th>
        <th scope="col" class="num">${t['costs.demand']}</th><th scope="col" class="num">${t['costs.unit_cost']}<#if pc.unit_cost_unit??> <span class="muted small">(${pc.unit_cost_unit})</span></#if></th></tr></thead>
      <tbody>
      <#list pc.months as m>
        <tr<#if m.provisional> class="provisional"</#if>><th scope="row" class="month">${m.month}<#if m.provisional> <span class="tag-provisional">${t['costs.provisional']}</span></#if><#if !m.finance_reported> <span class="tag-provisional">${t['costs.finance_not_reported']}</span></#if><#if m.billing_periods?has_content> <span class="muted small billing-periods">(${t['costs.billing_periods']} ${m.billing_periods?join(", ")})</span></#if></th>
          <#list pc.providers as provider><td class="num">${(m.direct_by_provider[provider].text)!"—"}</td></#list>
          <td class="num">${m.shared.text}</td><td class="num">${m.prepaid.text}</td>
          <#if m.finance_reported><td class="num">${m.maintenance.text}</td><#else><td class="num muted not-reported">${t['costs.not_reported']}</td></#if>
          <td class="num strong">${m.operating_cost.text}</td><td class="num">${(m.average.text)!"—"}</td>
          <#if m.finance_reported><td class="num">${m.mrr.text}</td><td class="num<#if m.profit.negative> negative</#if>">${m.profit.text}</td>
          <td class="num muted">${m.investment.text}</td><#else><td class="num muted not-reported">${t['costs.not_reported']}</td><td class="num muted not-reported">${t['costs.not_reported']}</td>
          <td class="num muted not-reported">${t['costs.not_reported']}</td></#if>
          <td class="num">${m.demand!"—"}</td><td class="num">${(m.unit_cost.text)!"—"}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <p class="muted small">${t['costs.kpi_definition']}<#if pc.unreported_months?has_content> <span class="tag-provisional">${t['costs.finance_not_reported']}</span> ${pc.unreported_months?join(", ")}: ${t['costs.finance_not_reported_explained']}</#if></p>
    <#-- corrections by later billing periods (issue 14, example data): begin -->
    <#if pc.corrections?has_content>
    <h3 id="cost-corrections">${t['costs.corrections_title']}</h3>
    <ul class="cost-corrections">
      <#list pc.corrections as c>
      <li><span class="month">${c.month}</span> ${t['costs.corrected_by']?replace('{period}', c.billing_period)}: <span class="nowrap<#if c.amount.negative> negative</#if>">${c.signed} ${c.amount.currency}</span> — <@billedElement c.element/></li>
      </#list>
    </ul>
    </#if>
    <#-- corrections: end -->
    <#-- growth vs savings (issue 14): begin -->
    <#if pc.cost_changes?has_content>
    <h3 id="growth-savings">${t['costs.change_title']}</h3>
    <p class="muted small">${t['costs.change_intro']}</p>
    <div class="table-scroll" role="region" aria-label="${t['costs.change_title']}" tabindex="0">
    <table class="data compact num-table" id="cost-changes">
      <caption>${t['costs.change.caption']} (${pc.currency})</caption>
      <thead><tr><th scope="col">${t['costs.change.compared']}</th>
        <th scope="col" class="num">${t['costs.operating_cost']}</th><th scope="col" class="num">${t['costs.change.change']}</th>
        <th scope="col" class="num">${t['costs.change.volume']}</th><th scope="col" class="num">${t['costs.change.efficiency']}</th>
        <th scope="col" class="num">${t['costs.change.not_explained']}</th>
        <th scope="col" class="num">${t['costs.demand']}<#if p.demand_metric??> <span class="muted small">(${p.demand_metric.unit})</span></#if></th>
        <th scope="col" class="num">${t['costs.unit_cost']}<#if pc.unit_cost_unit??> <span class="muted small">(${pc.unit_cost_unit})</span></#if></th>
        <th scope="col" class="num">${t['costs.change.profit_to']}</th><th scope="col">${t['costs.change.verdict']}</th></tr></thead>
      <tbody>
      <#list pc.cost_changes as c>
        <tr><th scope="row">${t['costs.change.' + c.period]} <span class="month">${c.from} → ${c.to}</span></th>
          <td class="num">${c.cost_from.text} → ${c.cost_to.text}</td>
          <td class="num strong">${c.change.text}</td>
          <td class="num">${(c.volume_effect.text)!"—"}</td><td class="num">${(c.efficiency_effect.text)!"—"}</td>
          <td class="num">${c.not_explained.text}<#if c.explained != "decomposed"> <span class="muted small">(${t['costs.change.explained.' + c.explained]})</span></#if></td>
          <td class="num">${c.demand_from!"—"} → ${c.demand_to!"—"}</td>
          <td class="num">${(c.unit_cost_from.text)!"—"} → ${(c.unit_cost_to.text)!"—"}</td>
          <td class="num<#if c.profit_to.negative> negative</#if>">${c.profit_to.text}</td>
          <td class="tone-${c.tone}">${t['costs.verdict.' + c.verdict]}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    </#if>
    <#-- growth vs savings: end -->
    <#if pc.shares?has_content>
    <h3>${t['costs.shares_title']} ${pc.latest_final_month}</h3>
    <div class="table-scroll">
    <table class="data compact" id="cost-shares">
      <thead><tr><th scope="col">${t['costs.pool']}</th><th scope="col">${t['costs.method']}</th><th scope="col" class="num">${t['costs.share']}</th><th scope="col" class="num">${t['costs.amount']} (${pc.currency})</th></tr></thead>
      <tbody>
      <#list pc.shares as s>
        <tr><th scope="row"><a href="${root}costs.html#pool-${s.pool}">${s.pool_name}</a></th><td>${t['costs.method.' + s.method]}</td>
          <td class="num">${s.percent}% <span class="muted small">(${s.weight} / ${s.total_weight})</span></td><td class="num">${s.amount.text}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    </#if>
    <#if pc.prepaid?has_content>
    <h3>${t['costs.prepaid_title']}</h3>
    <ul>
      <#list pc.prepaid as pp>
      <li>${pp.name}: <span class="nowrap">${pp.amount.text} ${pp.amount.currency}</span>, <span class="month">${pp.first_month} – ${pp.last_month}</span> (${pp.term_months} ${t['costs.months']}), <span class="nowrap">${pp.monthly.text} ${pp.monthly.currency}</span> ${t['costs.per_month']}<#if pp.booked_month??>; ${t['costs.booked_in']} <span class="month">${pp.booked_month}</span></#if></li>
      </#list>
    </ul>
    </#if>
    <#-- term purchases (issue 14, example data): begin -->
    <#if pc.purchases?has_content>
    <h3 id="cost-purchases">${t['costs.purchases_title']}</h3>
    <ul class="cost-purchases">
      <#list pc.purchases as pu>
      <li><@purchaseText pu/></li>
      </#list>
    </ul>
    </#if>
    <#-- term purchases: end -->
  </#if>
</section>

<section id="badge" class="section">
  <h2>${t['product.badge']}</h2>
  <p>${t['badge.intro']}</p>
  <p><img src="${root}badges/${p.id}.svg" alt="${t['badge.alt']} ${p.name}: ${p.phase.name}, ${p.current.percent}%"></p>
  <div class="snippet">
    <label for="badge-md-${p.id}">${t['badge.markdown']}</label>
    <textarea id="badge-md-${p.id}" class="snippet-text" rows="2" readonly spellcheck="false">[![${t['badge.alt']} ${p.name}](${base}badges/${p.id}.svg)](${base}products/${p.id}.html)</textarea>
    <button type="button" class="button copy-button" data-copy="badge-md-${p.id}" data-copied="${t['badge.copied']}" hidden>${t['badge.copy']}</button>
  </div>
  <#if !base?has_content><p class="muted small">${t['badge.no_base_url']}</p></#if>
</section>
</@layout.page>

<#-- SLOs measured (issue 16): met or missed by symbol and text, never by colour alone -->
<#macro sloResult result>
<#if result == "met"><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span> ${t['slo.met']}</span><#elseif result == "missed"><span class="status s-misses"><span class="sym" aria-hidden="true">✗</span> ${t['slo.missed']}</span><#else><span class="status s-none"><span class="sym" aria-hidden="true">?</span> ${t['slo.unknown']}</span></#if>
</#macro>

<#-- billing accounts, corrections and term purchases (issue 14, example data) -->
<#macro billedElement e>
<#if e.vendor??>${e.vendor} </#if><#if e.billing_account>${t['cost.billing_account']} <code>${e.id}</code> (${t['cost.no_sub_account']})<#else><code>${e.id}</code></#if><#if e.tag??> (${t['costs.tagged']} <code>${e.tag}</code>)</#if><#if e.name??> ${e.name}</#if></#macro>
<#macro purchaseText pu>
${pu.description} — <@billedElement pu.element/>: <span class="nowrap">${pu.total.text} ${pu.total.currency}</span>, <span class="date">${pu.term_start} – ${pu.term_end}</span> (${pu.months} ${t['costs.months']}), <span class="nowrap">${pu.share.text} ${pu.share.currency}</span> ${t['costs.per_month']}<#if pu.smaller_share??> (${t['costs.share_from']?replace('{amount}', pu.smaller_share.text + ' ' + pu.smaller_share.currency)?replace('{month}', pu.smaller_from)})</#if>; ${t['costs.in_billing_period']} <span class="month">${pu.billing_period}</span></#macro>

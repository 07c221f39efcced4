<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "list-macros.ftl" as lm>
<#import "cost-macros.ftl" as cm>
<#-- Costs and the monthly-profit KPI across products: ranking, trend, unallocated cost, shared pools, prepaid, sources. -->
<@layout.page title=t['costs.title'] wide=true>
<div class="page-head">
  <h1>${t['costs.title']}</h1>
  <p class="lead">${t['costs.intro']}</p>
</div>
<#if !costs??>
  <p class="notice">${t['costs.not_configured']}</p>
<#elseif !costs.months?has_content>
  <p class="notice">${t['costs.no_data']}</p>
<#else>
  <p class="muted small">${t['costs.covering']} ${costs.first_month} – ${costs.last_month}, ${t['costs.in']} ${costs.currency}.
    ${t['costs.download']} <a href="${root}api/costs.csv">costs.csv</a>.
    <#if costs.provisional_months?has_content><span class="tag-provisional">${t['costs.provisional']}</span> ${costs.provisional_months?join(", ")}: ${t['costs.provisional_explained']}</#if>
    <#if costs.unreported_months?has_content><span class="tag-provisional">${t['costs.finance_not_reported']}</span> ${costs.unreported_months?join(", ")}: ${t['costs.finance_not_reported_explained']}</#if></p>
  <nav class="toc" aria-label="${t['product.toc']}">
    <ul>
      <li><a href="#ranking">${t['costs.ranking_title']}</a></li>
      <li><a href="#company-trend">${t['costs.trend_title']}</a></li>
      <#if costs.cost_changes?has_content><li><a href="#growth-savings">${t['costs.change_title']}</a></li></#if>
      <li><a href="#unallocated">${t['costs.unallocated_title']}</a></li>
      <li><a href="#pools">${t['costs.pools_title']}</a></li>
      <li><a href="#prepaid">${t['costs.prepaid_title']}</a></li>
      <li><a href="#corrections">${t['costs.corrections_title']}</a></li>
      <li><a href="#purchases">${t['costs.purchases_title']}</a></li>
      <li><a href="#sources">${t['costs.sources_title']}</a></li>
    </ul>
  </nav>

  <section id="ranking" class="section" aria-labelledby="ranking-title">
    <h2 id="ranking-title">${t['costs.ranking_title']}<#if costs.latest_final_month??>: ${costs.latest_final_month}</#if></h2>
    <#if costs.awaited??>
    <p id="finance-awaited" class="notice"><#if costs.awaited.count == 1>${t['costs.awaited_one']?replace('{month}', costs.awaited.month)}<#else>${t['costs.awaited_many']?replace('{month}', costs.awaited.month)?replace('{count}', costs.awaited.count?c)}</#if>
      <#list costs.awaited.products as p><a href="${root}products/${p.id}.html#costs">${p.name}</a><#sep>${t['costs.list_separator']}</#list><#if (costs.awaited.count > costs.awaited.products?size)>${t['costs.list_separator']}${t['costs.awaited_more']?replace('{count}', (costs.awaited.count - costs.awaited.products?size)?c)}</#if>${t['costs.sentence_end']}
      <#if costs.latest_final_month??>${t['costs.awaited_meanwhile']?replace('{month}', costs.latest_final_month)}</#if></p>
    </#if>
    <#if costs.latest_final_month??>
    <p class="muted small">${t['costs.ranking_intro']}</p>
    <#if (costs.paging.count > 1)>
    <p class="muted small" id="costs-first-rows">${t['costs.first_rows']?replace('{rows}', costs.paging.to?c)}</p>
    <@lm.pager count=costs.paging.count current=1 firstHref="${root}costs.html" prefix="${root}costs/" label=t['list.pages']/>
    </#if>
    <div class="table-scroll" role="region" aria-label="${t['costs.ranking_title']}" tabindex="0">
    <@cm.rankingTable costs=costs rows=costs.ranking/>
    </div>
    <#else>
    <p>${t['costs.no_final_month']}</p>
    </#if>
    <h3>${t['costs.turned_title']}</h3>
    <#if costs.turned_profitable?has_content>
    <#if (costs.turned_count > costs.turned_profitable?size)><p id="turned-recent" class="small">${t['costs.turned_recent']?replace('{shown}', costs.turned_profitable?size?c)?replace('{total}', costs.turned_count?c)}</p></#if>
    <ul id="turned-profitable">
      <#list costs.turned_profitable as p><li><a href="${root}products/${p.id}.html#costs">${p.name}</a>: ${t['costs.turned_profitable_in']} ${p.month}</li></#list>
    </ul>
    <#else><p class="muted">${t['costs.turned_none']}</p></#if>
  </section>

  <section id="company-trend" class="section" aria-labelledby="company-trend-title">
    <h2 id="company-trend-title">${t['costs.trend_title']}</h2>
    <figure class="chart-figure">
      ${costs.chart_svg?no_esc}
      <figcaption>${t['costs.company_chart_caption']}</figcaption>
    </figure>
    <div class="table-scroll" role="region" aria-labelledby="company-months-caption" tabindex="0">
    <table class="data compact" id="company-months">
      <caption id="company-months-caption">${t['costs.company_table_caption']} (${costs.currency})</caption>
      <thead><tr><th scope="col">${t['costs.month']}</th><th scope="col" class="num">${t['costs.mrr']}</th><th scope="col" class="num">${t['costs.operating_cost']}</th><th scope="col" class="num">${t['costs.profit']}</th><th scope="col" class="num">${t['costs.unallocated']}</th></tr></thead>
      <tbody>
      <#list costs.months as m>
        <tr<#if m.provisional> class="provisional"</#if>><th scope="row" class="month">${m.month}<#if m.provisional> <span class="tag-provisional">${t['costs.provisional']}</span></#if></th>
          <#if m.mrr??><td class="num">${m.mrr.text}</td><#else><td class="num muted not-reported">${t['costs.not_reported']}</td></#if><td class="num">${m.operating_cost.text}</td>
          <#if m.profit??><td class="num<#if m.profit.negative> negative</#if>">${m.profit.text}</td><#else><td class="num muted not-reported"><#if m.unreported == 1>${t['costs.unreported_product']}<#else>${t['costs.unreported_products']?replace('{count}', m.unreported?c)}</#if></td></#if><td class="num">${m.unallocated.text}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <p class="muted small">${t['costs.kpi_definition']}</p>
  </section>

  <#-- growth vs savings (issue 14): begin -->
  <#if costs.cost_changes?has_content>
  <section id="growth-savings" class="section" aria-labelledby="growth-savings-title">
    <h2 id="growth-savings-title">${t['costs.change_title']}</h2>
    <p class="muted small">${t['costs.change_intro']}</p>
    <p class="muted small">${t['costs.change_company_intro']}</p>
    <div class="table-scroll" role="region" aria-label="${t['costs.change.company_caption']}" tabindex="0">
    <table class="data compact num-table" id="company-changes">
      <caption>${t['costs.change.company_caption']} (${costs.currency})</caption>
      <thead><tr><th scope="col">${t['costs.change.compared']}</th>
        <th scope="col" class="num">${t['costs.operating_cost']}</th><th scope="col" class="num">${t['costs.change.change']}</th>
        <th scope="col" class="num">${t['costs.change.volume']}</th><th scope="col" class="num">${t['costs.change.efficiency']}</th>
        <th scope="col" class="num">${t['costs.change.not_explained']}</th>
        <th scope="col" class="num">${t['costs.change.profit_to']}</th><th scope="col">${t['costs.change.verdict']}</th></tr></thead>
      <tbody>
      <#list costs.cost_changes as c>
        <tr><th scope="row">${t['costs.change.' + c.period]} <span class="month">${c.from} → ${c.to}</span></th>
          <td class="num">${c.cost_from.text} → ${c.cost_to.text}</td><td class="num strong">${c.change.text}</td>
          <td class="num">${c.volume_effect.text}</td><td class="num">${c.efficiency_effect.text}</td>
          <td class="num">${c.not_explained.text}</td>
          <td class="num<#if c.profit_to.negative> negative</#if>">${c.profit_to.text}</td>
          <td class="tone-${c.tone}">${t['costs.verdict.' + c.verdict]}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <#list costs.cost_changes as c>
    <div class="table-scroll" role="region" aria-label="${t['costs.change.caption']}: ${t['costs.change.' + c.period]}" tabindex="0">
    <@cm.changeTable costs=costs c=c/>
    </div>
    </#list>
    <@lm.pager count=costs.paging.count current=1 firstHref="${root}costs.html" prefix="${root}costs/" label=t['list.pages'] end=true/>
  </section>
  </#if>
  <#-- growth vs savings: end -->

  <section id="unallocated" class="section" aria-labelledby="unallocated-title">
    <h2 id="unallocated-title">${t['costs.unallocated_title']}</h2>
    <#if costs.unallocated?has_content>
    <p class="notice notice-warn" role="note"><span aria-hidden="true">!</span> ${t['costs.unallocated_intro']}</p>
    <div class="table-scroll">
    <table class="data compact" id="unallocated-table">
      <thead><tr><th scope="col">${t['costs.element']}</th><th scope="col">${t['costs.source']}</th><th scope="col">${t['costs.months']}</th><th scope="col" class="num">${costs.latest_final_month!""} (${costs.currency})</th><th scope="col" class="num">${t['costs.total']} (${costs.currency})</th></tr></thead>
      <tbody>
      <#list costs.unallocated as u>
        <tr><th scope="row"><#if u.element.billing_account><@billedElement u.element/><#else><code>${u.element.provider}<#if u.element.vendor??> ${u.element.vendor}</#if> ${u.element.id}</code></#if><#if u.tag??> (${t['costs.tagged']} <code>${u.tag}</code>)</#if><#if u.element.name??> ${u.element.name}</#if></th>
          <td>${u.source}</td><td class="month">${u.first_month} – ${u.last_month} (${u.months})</td>
          <td class="num">${(u.latest.text)!"—"}</td><td class="num">${u.total.text}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <#else><p>${t['costs.unallocated_none']}</p></#if>
  </section>

  <section id="pools" class="section" aria-labelledby="pools-title">
    <h2 id="pools-title">${t['costs.pools_title']}</h2>
    <p class="muted small">${t['costs.pools_intro']}<#if costs.totals_balanced> ${t['costs.balanced']}</#if></p>
    <#list costs.pools as pool>
    <article class="pool" id="pool-${pool.id}">
      <h3>${pool.name} <span class="muted small">${t['costs.method.' + pool.method]}<#if pool.metric??> (${pool.metric})</#if></span></h3>
      <#if pool.description??><p>${pool.description}</p></#if>
      <p class="small">${t['costs.elements']}: <#list pool.elements as e><#if e.billing_account><@billedElement e/><#else><code>${e.provider}<#if e.vendor??> ${e.vendor}</#if> ${e.id}</code><#if e.tag??> (${t['costs.tagged']} ${e.tag})</#if><#if e.name??> ${e.name}</#if></#if><#sep>, </#list></p>
      <#if pool.latest??>
      <div class="table-scroll">
      <table class="data compact">
        <caption>${pool.latest.month}: ${pool.latest.allocated.text} ${costs.currency}<#if (pool.latest.total > pool.latest.shares?size)><span class="pool-largest">, ${t['costs.largest_shares']?replace('{shown}', pool.latest.shares?size?c)?replace('{total}', pool.latest.total?c)}</span></#if></caption>
        <thead><tr><th scope="col">${t['costs.product']}</th><th scope="col" class="num">${t['costs.share']}</th><th scope="col" class="num">${t['costs.amount']} (${costs.currency})</th></tr></thead>
        <tbody>
        <#list pool.latest.shares as s>
          <tr><th scope="row"><a href="${root}products/${s.product}.html#costs">${s.name}</a></th><td class="num">${s.percent}% <span class="muted small">(${s.weight})</span></td><td class="num">${s.amount.text}</td></tr>
        </#list>
        </tbody>
      </table>
      </div>
      <#else><p class="muted small">${t['costs.pool_no_latest']}</p></#if>
      <#if pool.months?has_content>
      <details>
        <summary>${t['costs.pool_months']}</summary>
        <div class="table-scroll">
        <table class="data compact">
          <thead><tr><th scope="col">${t['costs.month']}</th><th scope="col" class="num">${t['costs.amount']} (${costs.currency})</th><#if pool.list_shares><th scope="col">${t['costs.split_among']}</th></#if></tr></thead>
          <tbody>
          <#list pool.months as m>
            <tr<#if m.provisional> class="provisional"</#if>><th scope="row" class="month">${m.month}<#if m.provisional> <span class="tag-provisional">${t['costs.provisional']}</span></#if></th>
              <td class="num">${m.allocated.text}<#if m.rounding??> <span class="muted small">(${t['costs.rounding']} ${m.rounding.text})</span></#if></td>
              <#if pool.list_shares><td class="small"><#list m.shares as s>${s.product} ${s.amount.text}<#sep>, </#list></td></#if></tr>
          </#list>
          </tbody>
        </table>
        </div>
      </details>
      </#if>
    </article>
    </#list>
  </section>

  <section id="prepaid" class="section" aria-labelledby="prepaid-title">
    <h2 id="prepaid-title">${t['costs.prepaid_title']}</h2>
    <#if costs.prepaid?has_content>
    <div class="table-scroll">
    <table class="data compact">
      <thead><tr><th scope="col">${t['costs.prepaid_item']}</th><th scope="col">${t['costs.owner']}</th><th scope="col" class="num">${t['costs.amount']}</th><th scope="col">${t['costs.term']}</th><th scope="col" class="num">${t['costs.per_month']}</th><th scope="col">${t['costs.booked_in']}</th></tr></thead>
      <tbody>
      <#list costs.prepaid as pp>
        <tr><th scope="row">${pp.name}</th>
          <td><#if pp.owned_by_product><a href="${root}products/${pp.owner}.html#costs">${pp.owner_name}</a><#else><a href="#pool-${pp.owner}">${pp.owner}</a></#if></td>
          <td class="num">${pp.amount.text} ${pp.amount.currency}</td><td class="month">${pp.first_month} – ${pp.last_month} (${pp.term_months} ${t['costs.months']})</td>
          <td class="num">${pp.monthly.text} ${pp.monthly.currency}</td><td class="month">${pp.booked_month!"—"}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <#else><p class="muted">${t['costs.prepaid_none']}</p></#if>
  </section>

  <#-- corrections by later billing periods and term purchases (issue 14, example data): begin -->
  <section id="corrections" class="section" aria-labelledby="corrections-title">
    <h2 id="corrections-title">${t['costs.corrections_title']}</h2>
    <#if costs.corrections?has_content>
    <p class="muted small">${t['costs.corrections_intro']}</p>
    <div class="table-scroll" role="region" aria-label="${t['costs.corrections_table']}" tabindex="0">
    <table class="data compact" id="corrections-table">
      <thead><tr><th scope="col">${t['costs.month']}</th><th scope="col">${t['costs.billing_period']}</th><th scope="col">${t['costs.element']}</th><th scope="col">${t['costs.owner']}</th><th scope="col" class="num">${t['costs.amount']}</th><th scope="col">${t['costs.source']}</th></tr></thead>
      <tbody>
      <#list costs.corrections as c>
        <tr><th scope="row" class="month">${c.month}</th><td>${t['costs.corrected_by']?replace('{period}', c.billing_period)}</td><td><@billedElement c.element/></td>
          <td><@ownerLink c.owner/></td><td class="num<#if c.amount.negative> negative</#if>">${c.signed} ${c.amount.currency}</td><td><code>cost-data/${c.source}/</code></td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <#else><p class="muted">${t['costs.corrections_none']}</p></#if>
  </section>

  <section id="purchases" class="section" aria-labelledby="purchases-title">
    <h2 id="purchases-title">${t['costs.purchases_title']}</h2>
    <#if costs.purchases?has_content>
    <p class="muted small">${t['costs.purchases_intro']}</p>
    <div class="table-scroll" role="region" aria-label="${t['costs.purchases_table']}" tabindex="0">
    <table class="data compact" id="purchases-table">
      <thead><tr><th scope="col">${t['costs.purchase']}</th><th scope="col">${t['costs.element']}</th><th scope="col">${t['costs.owner']}</th><th scope="col" class="num">${t['costs.amount']}</th><th scope="col">${t['costs.term']}</th><th scope="col" class="num">${t['costs.per_month']}</th><th scope="col">${t['costs.billing_period']}</th></tr></thead>
      <tbody>
      <#list costs.purchases as pu>
        <tr><th scope="row">${pu.description}</th><td><@billedElement pu.element/></td><td><@ownerLink pu.owner/></td>
          <td class="num">${pu.total.text} ${pu.total.currency}</td><td class="date">${pu.term_start} – ${pu.term_end} (${pu.months} ${t['costs.months']})</td>
          <td class="num">${pu.share.text} ${pu.share.currency}<#if pu.smaller_share??> <span class="muted small">(${t['costs.share_from']?replace('{amount}', pu.smaller_share.text + ' ' + pu.smaller_share.currency)?replace('{month}', pu.smaller_from)})</span></#if></td>
          <td class="month">${pu.billing_period}</td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <#else><p class="muted">${t['costs.purchases_none']}</p></#if>
  </section>
  <#-- corrections and term purchases: end -->

  <section id="sources" class="section" aria-labelledby="sources-title">
    <h2 id="sources-title">${t['costs.sources_title']}</h2>
    <div class="table-scroll">
    <table class="data compact" id="sources-table">
      <thead><tr><th scope="col">${t['costs.source']}</th><th scope="col">${t['costs.basis']}</th><th scope="col">${t['costs.months']}</th><th scope="col">${t['costs.retrieved']}</th><th scope="col">${t['costs.provisional']}</th></tr></thead>
      <tbody>
      <#list costs.sources as s>
        <tr><th scope="row"><code>cost-data/${s.source}/</code></th><td>${s.basis}</td><td class="month">${s.first_month} – ${s.last_month}</td><td class="date"><time datetime="${s.retrieved}">${s.retrieved}</time></td><td><#list s.provisional_months as pm><span class="month">${pm}</span><#sep>, </#list></td></tr>
      </#list>
      </tbody>
    </table>
    </div>
    <h3>${t['costs.revisions_title']}</h3>
    <#if costs.any_revision>
    <div class="table-scroll">
    <table class="data compact" id="revisions-table">
      <thead><tr><th scope="col">${t['costs.month']}</th><th scope="col">${t['costs.source']}</th><th scope="col">${t['costs.replaced']}</th><th scope="col">${t['costs.before']}</th><th scope="col">${t['costs.reason']}</th></tr></thead>
      <tbody>
      <#list costs.sources as s><#list s.revisions as v>
        <tr><th scope="row" class="month">${v.month}</th><td>${s.source}</td><td class="date"><time datetime="${v.replaced}">${v.replaced}</time></td>
          <td>${t['costs.status.' + v.status]}: <#list v.totals as x>${x.text} ${x.currency}<#sep>, </#list></td><td><#if v.reason_code?has_content>${t['costs.reason.' + v.reason_code]}<#else>${v.reason}</#if></td></tr>
      </#list></#list>
      </tbody>
    </table>
    </div>
    <#else><p class="muted">${t['costs.revisions_none']}</p></#if>
  </section>
</#if>
</@layout.page>

<#-- billing accounts, corrections and term purchases (issue 14, example data) -->
<#macro billedElement e>
<#if e.vendor??>${e.vendor} </#if><#if e.billing_account>${t['cost.billing_account']} <code>${e.id}</code> (${t['cost.no_sub_account']})<#else><code>${e.id}</code></#if><#if e.tag??> (${t['costs.tagged']} <code>${e.tag}</code>)</#if><#if e.name??> ${e.name}</#if></#macro>
<#macro ownerLink owner="">
<#if owner?has_content><#if owner.kind == "product"><a href="${root}products/${owner.id}.html#costs">${owner.name}</a><#else><a href="#pool-${owner.id}">${owner.name}</a></#if><#else>${t['costs.unallocated_title']}</#if></#macro>

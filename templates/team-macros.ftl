<#ftl output_format="HTML">
<#import "risk-macros.ftl" as risk>
<#-- A team's card (a TeamView): lead, chat, GitHub team and its products, the first `limit` of them
     (0: all), for teams.html and for the team's own page teams/<id>.html. -->
<#macro card tm limit=0>
<#if (limit > 0 && tm.products?size > limit)><#local shown = tm.products[0..<limit]><#else><#local shown = tm.products></#if>
<section class="team-card" id="team-${tm.id}" aria-labelledby="th-${tm.id}">
  <header>
    <h2 id="th-${tm.id}">${tm.name}</h2>
    <#if tm.declared><p class="muted small"><code>${tm.id}</code></p></#if>
    <#if tm.products?has_content>
    <p class="<#if tm.all_meeting>is-ok<#else>is-bad</#if>"><span aria-hidden="true"><#if tm.all_meeting>✓<#else>✗</#if></span>
      ${tm.meeting}/${tm.products?size} ${t['teams.meeting']}</p>
    </#if>
    <#if tm.monthly_profit??>
    <p class="team-profit"><span class="muted">${t['teams.monthly_profit']}</span>
      <strong class="<#if tm.monthly_profit.profit.negative>negative</#if>">${tm.monthly_profit.profit.text} ${tm.monthly_profit.profit.currency}</strong>
      <span class="muted small">${t['teams.monthly_profit_of']?replace('{month}', tm.monthly_profit.month)?replace('{count}', tm.monthly_profit.products?c)}</span></p>
    </#if>
    <#assign parts = team_campaigns[tm.id]![]>
    <#if parts?has_content>
    <p class="team-campaigns"><span class="muted">${t['campaigns.title']}</span>
      <#list parts as c><a href="${root}campaigns/${c.id}.html">${c.title}</a>
      ${c.met}/${c.total} (${c.percent}%)<#if c.late gt 0> · <span class="flag flag-bad"><span aria-hidden="true">!</span> ${c.late} ${t['campaigns.late']}</span></#if><#sep>; </#list></p>
    </#if>
  </header>
  <#if tm.description??><p>${tm.description}</p></#if>
  <#if tm.declared>
  <dl class="facts">
    <#if tm.lead??>
    <dt>${t['teams.lead']}</dt>
    <dd><span class="person"><span class="person-name">${tm.lead.name}</span><#if tm.lead.role?has_content> <span class="muted">(${tm.lead.role})</span></#if><#if tm.lead.email?has_content><br><a href="mailto:${tm.lead.email}">${tm.lead.email}</a></#if></span></dd>
    </#if>
    <#if tm.chat??>
    <dt>${t['teams.chat']}</dt>
    <dd><#if tm.chat.url??><a href="${tm.chat.url}" rel="noopener"><code>${tm.chat.name}</code></a><#else><code>${tm.chat.name}</code></#if></dd>
    </#if>
    <#if tm.github_team??>
    <dt>${t['teams.github']}</dt>
    <dd><a href="${tm.github_url}" rel="noopener"><code>@${tm.github_team}</code></a></dd>
    </#if>
  </dl>
  </#if>
  <#if !tm.products?has_content>
  <p class="muted">${t['teams.no_products']}</p>
  <#else>
  <table class="data compact">
    <thead><tr><th scope="col">${t['matrix.product']}</th><th scope="col">${t['product.phase']}</th><th scope="col" class="num">${t['teams.current']}</th><th scope="col">${t['teams.next']}</th><th scope="col">${t['risk.column']}</th><#if tm.monthly_profit??><th scope="col" class="num">${t['teams.monthly_profit']}</th></#if></tr></thead>
    <tbody>
    <#list shown as p>
      <tr>
        <th scope="row"><a href="${root}products/${p.id}.html">${p.name}</a><br><span class="muted small">${p.tier!""}</span></th>
        <td>${p.phase.name}</td>
        <td class="num"><#if p.current.meets><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span><span class="sr-only">${t['matrix.meets_phase']}</span></span><#else><span class="status s-misses"><span class="sym" aria-hidden="true">✗</span><span class="sr-only">${t['matrix.below_phase']}</span></span></#if> ${p.current.percent}%</td>
        <td><#if p.next??>
            <#if p.ready_for_next><span class="pill pill-ready"><span aria-hidden="true">★</span> ${t['matrix.ready_for']} ${p.next.phase_name}</span>
            <#else>${p.next.phase_name}: ${p.next.percent}% <a class="small" href="${root}${readiness_paths[p.id]!'readiness.html'}#r-${p.id}">(${p.next.missing} ${t['matrix.missing']})</a></#if>
          <#else><span class="muted">—</span></#if></td>
        <td class="team-risks"><#if tm.risks[p.id].any><@risk.marks productRisks=tm.risks[p.id]/><#else><span class="muted">${t['risk.no_risk']}</span></#if></td>
        <#if tm.monthly_profit??><td class="num"><#if tm.profits[p.id]??><span class="<#if tm.profits[p.id].negative>negative</#if>">${tm.profits[p.id].text}</span><#else><span class="muted">—</span></#if></td></#if>
      </tr>
    </#list>
    </tbody>
  </table>
  <#if (shown?size < tm.products?size)>
  <p class="team-more">${t['teams.first_products']?replace('{shown}', shown?size?c)?replace('{total}', tm.products?size?c)}
    <a href="${root}teams/${tm.id}.html">${t['teams.all_products']?replace('{total}', tm.products?size?c)}</a></p>
  </#if>
  </#if>
</section>
</#macro>

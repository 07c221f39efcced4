<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "campaign-macros.ftl" as cm>
<#-- One campaign: why, who, when; progress per product and per team; the burn-up (chart and its
     numbers); who is late after the due date. -->
<@layout.page title=campaign.title>
<div class="page-head">
  <p class="muted small"><a href="${root}campaigns.html">${t['campaigns.title']}</a></p>
  <h1>${campaign.title}</h1>
  <p class="lead">${campaign.why}</p>
</div>
<dl class="facts">
  <dt>${t['campaigns.owner']}</dt>
  <dd><#if campaign.owner_team??><a href="${root}teams.html#team-${campaign.owner_team}">${campaign.owner}</a><#else>${campaign.owner}</#if></dd>
  <dt>${t['campaigns.period']}</dt><dd>${campaign.start} – ${campaign.due}</dd>
  <dt>${t['campaigns.stage']}</dt>
  <dd><span class="pill campaign-stage-${campaign.stage}" id="campaign-stage"><#if campaign.stage == "late"><span aria-hidden="true">!</span> </#if>${t['campaigns.stage.' + campaign.stage]}</span></dd>
  <dt>${t['campaigns.progress']}</dt>
  <dd id="campaign-progress">${campaign.met?c}/${campaign.total?c} (${campaign.percent}%) · ${t['campaigns.products_done']} ${campaign.products_done?c}/${campaign.products?size?c}</dd>
  <dt>${t['campaigns.goals']}</dt>
  <dd><ul><#list campaign.goals as g><li><@cm.goal g/></li></#list></ul></dd>
</dl>

<section class="section" id="late" aria-labelledby="late-title">
  <h2 id="late-title">${t['campaigns.late_products']}</h2>
  <#if campaign.late?has_content>
  <ul><#list campaign.late as p><li><span class="flag flag-warn"><span aria-hidden="true">!</span> ${t['campaigns.stage.late']}</span> <a href="${root}products/${p.id}.html">${p.name}</a> (${p.team_name}): ${p.met?c}/${p.total?c}</li></#list></ul>
  <#else>
  <p class="muted">${t['campaigns.none_late']}</p>
  </#if>
</section>

<section class="section" id="by-product" aria-labelledby="by-product-title">
  <h2 id="by-product-title">${t['campaigns.by_product']}</h2>
  <div class="table-scroll" role="region" aria-labelledby="by-product-caption" tabindex="0">
  <table class="data" id="campaign-products">
    <caption id="by-product-caption">${t['campaigns.by_product_caption']}</caption>
    <thead><tr><th scope="col">${t['matrix.product']}</th><th scope="col">${t['campaigns.team']}</th>
      <#list campaign.goals as g><th scope="col"><@cm.goal g/></th></#list>
      <th scope="col" class="num">${t['campaigns.progress']}</th></tr></thead>
    <tbody>
    <#list campaign.products as p>
      <tr id="p-${p.id}"<#if p.late> class="is-late"</#if>><th scope="row"><a href="${root}products/${p.id}.html">${p.name}</a>
          <#if p.late><br><span class="flag flag-warn small"><span aria-hidden="true">!</span> ${t['campaigns.stage.late']}</span></#if></th>
        <td>${p.team_name}</td>
        <#list p.goals as cell>
        <td><#if !cell.applies><span class="muted">${t['campaigns.not_applicable']}</span>
          <#elseif cell.met><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span><span class="sr-only">${t['campaigns.met']}</span></span> ${cell.current}
          <#else><span class="status s-misses"><span class="sym" aria-hidden="true">✗</span><span class="sr-only">${t['campaigns.unmet']}</span></span> ${cell.current}</#if></td>
        </#list>
        <td class="num">${p.met?c}/${p.total?c}</td></tr>
    </#list>
    </tbody>
  </table>
  </div>
</section>

<section class="section" id="by-team" aria-labelledby="by-team-title">
  <h2 id="by-team-title">${t['campaigns.by_team']}</h2>
  <table class="data compact" id="campaign-teams">
    <thead><tr><th scope="col">${t['campaigns.team']}</th><th scope="col" class="num">${t['campaigns.products_done']}</th>
      <th scope="col" class="num">${t['campaigns.progress']}</th><th scope="col" class="num">${t['campaigns.late']}</th></tr></thead>
    <tbody>
    <#list campaign.teams as tm>
      <tr><th scope="row"><a href="${root}teams.html#team-${tm.id}">${tm.name}</a></th>
        <td class="num">${tm.products_done?c}/${tm.products?c}</td>
        <td class="num">${tm.met?c}/${tm.total?c} (${tm.percent}%)</td>
        <td class="num">${tm.late?c}</td></tr>
    </#list>
    </tbody>
  </table>
</section>

<section class="section" id="burn-up" aria-labelledby="burn-up-heading">
  <h2 id="burn-up-heading">${t['campaigns.burn_up']}</h2>
  <#if !campaign.from_history><p class="notice" id="no-history">${t['campaigns.no_history']}</p></#if>
  <div class="chart-with-table">
  <figure class="chart-figure">
    ${campaign.chart_svg?no_esc}
    <figcaption>${t['campaigns.chart_caption']}</figcaption>
  </figure>
  <table class="data compact" id="burn-up-table">
    <caption>${t['campaigns.table_caption']}</caption>
    <thead><tr><th scope="col">${t['campaigns.date']}</th><th scope="col" class="num">${t['campaigns.met']}</th><th scope="col" class="num">%</th></tr></thead>
    <tbody>
    <#list campaign.burn_up as b>
      <tr><th scope="row">${b.date}</th><td class="num">${b.met?c}/${campaign.total?c}</td><td class="num">${b.percent}%</td></tr>
    </#list>
    </tbody>
  </table>
  </div>
  <p class="muted small">${t['campaigns.checks_today']}</p>
</section>
</@layout.page>

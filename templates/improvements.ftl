<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- Improvements per fiscal half-year, read from git: level increases (by category) and the share of requirements met. -->
<@layout.page title=t['improvements.title']>
<div class="page-head">
  <h1>${t['improvements.title']}</h1>
  <p class="lead">${t['improvements.intro']}</p>
</div>
<#if !history??>
  <p class="notice">${t['history.unavailable']}</p>
<#else>
  <#if history.incomplete??><p class="notice notice-warn" role="note"><span aria-hidden="true">!</span> ${t['history.incomplete']} ${history.incomplete}</p></#if>
  <p class="muted small">${t['history.read_from']} ${history.commits} ${t['history.commits']} (${history.head}). ${t['improvements.fiscal']} ${history.fiscal_year_start}.</p>
  <#if history.periods?has_content>
  <figure class="chart-figure">
    ${history.chart_svg?no_esc}
    <figcaption>${t['improvements.chart_caption']}</figcaption>
  </figure>
  <div class="table-scroll" role="region" aria-label="${t['improvements.table_caption']}" tabindex="0">
  <table class="data" id="improvements-table">
    <caption>${t['improvements.table_caption']}</caption>
    <thead><tr><th scope="col">${t['improvements.period']}</th><th scope="col" class="num">${t['improvements.increases']}</th>
      <#list history.categories as c><th scope="col" class="num">${c.title}</th></#list>
      <th scope="col" class="num">${t['improvements.share_met']}</th></tr></thead>
    <tbody>
    <#list history.periods as p>
      <tr><th scope="row" class="month">${p.name}<br><span class="muted small">${p.start} – ${p.end}</span></th>
        <td class="num">${p.increases?c}</td>
        <#list p.by_category as increases><td class="num">${increases?c}</td></#list>
        <td class="num"><#if p.share??>${p.share.percent}% <span class="muted small">(${p.share.met?c}/${p.share.requirements?c})</span><#else>—</#if></td></tr>
    </#list>
    </tbody>
  </table>
  </div>
  <#else>
  <p>${t['improvements.none']}</p>
  </#if>
</#if>
</@layout.page>

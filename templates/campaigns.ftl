<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "campaign-macros.ftl" as cm>
<#-- Every campaign of standards/campaigns/, with its status and progress. -->
<@layout.page title=t['campaigns.title']>
<div class="page-head">
  <h1>${t['campaigns.title']}</h1>
  <p class="lead">${t['campaigns.intro']}</p>
</div>
<#if !campaigns?has_content>
<p class="notice">${t['campaigns.none']} <a href="${root}guides/promotion.html#campaigns">${t['campaigns.guide']}</a></p>
<#else>
<div class="table-scroll" role="region" aria-labelledby="campaigns-caption" tabindex="0">
<table class="data" id="campaigns-table">
  <caption id="campaigns-caption">${t['campaigns.title']}</caption>
  <thead><tr><th scope="col">${t['campaigns.campaign']}</th><th scope="col">${t['campaigns.owner']}</th>
    <th scope="col">${t['campaigns.period']}</th><th scope="col">${t['campaigns.stage']}</th>
    <th scope="col" class="num">${t['campaigns.progress']}</th><th scope="col" class="num">${t['campaigns.products_done']}</th>
    <th scope="col" class="num">${t['campaigns.late']}</th></tr></thead>
  <tbody>
  <#list campaigns as c>
    <tr id="c-${c.id}"><th scope="row"><a href="${root}campaigns/${c.id}.html">${c.title}</a></th>
      <td>${c.owner}</td>
      <td>${c.start} – ${c.due}</td>
      <td><span class="pill campaign-stage-${c.stage}"><#if c.stage == "late"><span aria-hidden="true">!</span> </#if>${t['campaigns.stage.' + c.stage]}</span></td>
      <td class="num">${c.met?c}/${c.total?c} (${c.percent}%)</td>
      <td class="num">${c.products_done?c}/${c.products?size?c}</td>
      <td class="num">${c.late?size?c}</td></tr>
  </#list>
  </tbody>
</table>
</div>
</#if>
</@layout.page>

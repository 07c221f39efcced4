<#ftl output_format="HTML">
<#--
  What needs attention (a Risks record of the page model): tiles that count the products with
  each risk, and each product's marks, by symbol AND text. Without JavaScript a tile links to the
  list of its products below the tiles; site.js turns it into a filter of the matrix (?risk=...).
-->

<#-- The symbol of a risk (hidden from screen readers: the text beside it says the same). -->
<#function riskSymbol risk>
  <#switch risk>
    <#case "stale"><#return "◷">
    <#case "overdue"><#return "⚑">
    <#case "expiring"><#return "⇥">
    <#case "slo"><#return "▽">
    <#default><#return "!">
  </#switch>
</#function>

<#-- The home page's tiles, then the lists they open without JavaScript. -->
<#macro tiles risks>
<section class="risks" id="risks" aria-labelledby="risks-title">
  <h2 id="risks-title" class="risks-title">${t['risk.title']}</h2>
  <ul class="risk-tiles" aria-label="${t['risk.tiles_label']}">
    <#list risks.tiles as tile>
    <li><a class="risk-tile risk-${tile.risk}<#if tile.count == 0> is-zero</#if>" id="risk-tile-${tile.risk}" href="#risk-list-${tile.risk}" data-risk="${tile.risk}">
      <span class="risk-sym" aria-hidden="true">${riskSymbol(tile.risk)}</span>
      <span class="stat-value">${tile.count}</span>
      <span class="stat-label">${t['risk.tile.' + tile.risk]}<#if tile.risk == "expiring"> <@expiringWithin risks/></#if></span>
    </a></li>
    </#list>
  </ul>
  <div class="risk-lists" id="risk-lists">
    <h3 class="risk-lists-title">${t['risk.lists_title']}</h3>
    <#list risks.tiles as tile>
    <section class="risk-list" id="risk-list-${tile.risk}" aria-labelledby="risk-list-h-${tile.risk}">
      <h4 id="risk-list-h-${tile.risk}"><span aria-hidden="true">${riskSymbol(tile.risk)}</span> ${t['risk.list.' + tile.risk]}<#if tile.risk == "expiring"> <@expiringWithin risks/></#if>: ${tile.count}</h4>
      <#if tile.products?has_content>
      <ul class="inline-list"><#list tile.products as p><li><a href="${root}products/${p.id}.html">${p.name}</a></li></#list></ul>
      <#else>
      <p class="muted">${t['risk.none']}</p>
      </#if>
    </section>
    </#list>
  </div>
</section>
</#macro>

<#macro expiringWithin risks><#if risks.expiring_within_days??>${t['risk.expiring_within_days']?replace('{days}', risks.expiring_within_days?c)}<#else>${t['risk.expiring_within']?replace('{period}', risks.expiring_within)}</#if></#macro>

<#-- One product's marks (a ProductRisks); nothing for a product without risk. -->
<#macro marks productRisks>
<#if productRisks.any>
<ul class="risk-marks">
  <#list productRisks.marks as m>
  <li class="risk-mark risk-${m.risk}"<#if m.names?has_content> title="${m.names?join(', ')}"</#if>><span class="risk-sym" aria-hidden="true">${riskSymbol(m.risk)}</span> ${t['risk.mark.' + m.risk]}<#if m.risk != "stale">: ${m.count}</#if></li>
  </#list>
</ul>
</#if>
</#macro>
